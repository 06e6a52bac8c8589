//! Messages that leave the server (SMTP, Brevo's SMS API), with their delivery kept:
//! - `outbox`: a status (`en_attente`, `envoye`, `echec`, `arrete`), whether it may go at night
//!   (`urgent`), when to try again (`prochain_essai`), the recipient masked (what stays once the
//!   message is sent and its text erased), what it is about (`reference`, e.g. `inscription:<id>`,
//!   for the professionals' pages), the structure it concerns (its failures page) and the
//!   provider's id for the message.
//! - `inscription.langue` (messages in the person's language), `inscription.rappel_jeton_hash`
//!   (the reminder's own, shorter private link), `inscription.rappel_le` and
//!   `carnet_evenement.rappel_le` (the day-before reminder, claimed once), `carnet.nouvelles_le`
//!   (the last « new actions in your carnet » message: at most one a day).
//! - `message_arret`: contacts that asked for no more reminders or news (SHA-256 of the contact);
//!   `message_jeton`: the « STOP » links of the reminders (SHA-256 of the token).
//! - `secret`: the pepper of contact hashes, moved from `badge_state` (same value).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden, Clone, Copy)]
enum Outbox {
    Table,
    Statut,
    Urgent,
    ProchainEssai,
    DestinataireMasque,
    Reference,
    StructureId,
    FournisseurRef,
    SentAt,
    Attempts,
    Corps,
    Lien,
    Destinataire,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Inscription {
    Table,
    Langue,
    RappelLe,
    RappelJetonHash,
}

#[derive(DeriveIden, Clone, Copy)]
enum CarnetEvenement {
    Table,
    RappelLe,
}

#[derive(DeriveIden, Clone, Copy)]
enum Carnet {
    Table,
    NouvellesLe,
}

#[derive(DeriveIden, Clone, Copy)]
enum MessageArret {
    Table,
    ContactHash,
    ArreteLe,
}

#[derive(DeriveIden, Clone, Copy)]
enum MessageJeton {
    Table,
    JetonHash,
    ContactHash,
    DestinataireMasque,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Secret {
    Table,
    Nom,
    Valeur,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        for col in [
            string_len(Outbox::Statut, 16).default("en_attente").to_owned(),
            boolean(Outbox::Urgent).default(true).to_owned(),
            timestamp_with_time_zone_null(Outbox::ProchainEssai),
            text(Outbox::DestinataireMasque).default("").to_owned(),
            text_null(Outbox::Reference),
            string_len_null(Outbox::StructureId, 36),
            text_null(Outbox::FournisseurRef),
        ] {
            manager.alter_table(Table::alter().table(Outbox::Table).add_column(col).to_owned()).await?;
        }
        // What was sent before: sent, its text erased; what failed ten times: failed.
        let sent = Query::update()
            .table(Outbox::Table)
            .value(Outbox::Statut, "envoye")
            .value(Outbox::Corps, "")
            .value(Outbox::Lien, Option::<String>::None)
            .value(Outbox::Destinataire, "")
            .and_where(Expr::col(Outbox::SentAt).is_not_null())
            .to_owned();
        manager.exec_stmt(sent).await?;
        let failed = Query::update()
            .table(Outbox::Table)
            .value(Outbox::Statut, "echec")
            .and_where(Expr::col(Outbox::SentAt).is_null())
            .and_where(Expr::col(Outbox::Attempts).gte(10))
            .to_owned();
        manager.exec_stmt(failed).await?;

        manager
            .alter_table(
                Table::alter().table(Inscription::Table).add_column(string_len_null(Inscription::Langue, 8)).to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Inscription::Table)
                    .add_column(timestamp_with_time_zone_null(Inscription::RappelLe))
                    .to_owned(),
            )
            .await?;
        // The reminder carries a shorter private link of its own (two SMS parts at most); the
        // confirmation's link keeps working.
        manager
            .alter_table(
                Table::alter()
                    .table(Inscription::Table)
                    .add_column(string_len_null(Inscription::RappelJetonHash, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(CarnetEvenement::Table)
                    .add_column(timestamp_with_time_zone_null(CarnetEvenement::RappelLe))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Carnet::Table)
                    .add_column(timestamp_with_time_zone_null(Carnet::NouvellesLe))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(MessageArret::Table)
                    .if_not_exists()
                    .col(string_len(MessageArret::ContactHash, 64).primary_key())
                    .col(timestamp_with_time_zone(MessageArret::ArreteLe))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MessageJeton::Table)
                    .if_not_exists()
                    .col(string_len(MessageJeton::JetonHash, 64).primary_key())
                    .col(string_len(MessageJeton::ContactHash, 64))
                    .col(text(MessageJeton::DestinataireMasque))
                    .col(timestamp_with_time_zone(MessageJeton::CreatedAt))
                    .to_owned(),
            )
            .await?;

        // The pepper of contact hashes (badge wallets, STOP list) moves from the badges' table to
        // a table of its own, below every room; existing hashes stay valid (same value).
        manager
            .create_table(
                Table::create()
                    .table(Secret::Table)
                    .if_not_exists()
                    .col(string_len(Secret::Nom, 32).primary_key())
                    .col(text(Secret::Valeur))
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(
                "INSERT INTO secret (nom, valeur) SELECT 'contacts', pepper FROM badge_state WHERE pepper IS NOT NULL",
            )
            .await?;

        let indexes = [
            // The worker's question: what is waiting and due, oldest first.
            Index::create()
                .name("ix_outbox_a_envoyer")
                .table(Outbox::Table)
                .col(Outbox::Statut)
                .col(Outbox::ProchainEssai)
                .col(Outbox::CreatedAt)
                .to_owned(),
            Index::create().name("ix_outbox_reference").table(Outbox::Table).col(Outbox::Reference).to_owned(),
            Index::create()
                .name("ix_outbox_structure")
                .table(Outbox::Table)
                .col(Outbox::StructureId)
                .col(Outbox::CreatedAt)
                .to_owned(),
            Index::create()
                .name("ux_inscription_rappel_jeton")
                .table(Inscription::Table)
                .col(Inscription::RappelJetonHash)
                .unique()
                .to_owned(),
            Index::create()
                .name("ix_message_jeton_created")
                .table(MessageJeton::Table)
                .col(MessageJeton::CreatedAt)
                .to_owned(),
        ];
        for index in indexes {
            manager.create_index(index).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [MessageJeton::Table.into_iden(), MessageArret::Table.into_iden(), Secret::Table.into_iden()] {
            manager.drop_table(Table::drop().table(t).if_exists().to_owned()).await?;
        }
        for name in ["ix_outbox_a_envoyer", "ix_outbox_reference", "ix_outbox_structure"] {
            manager.drop_index(Index::drop().name(name).table(Outbox::Table).to_owned()).await?;
        }
        for col in [
            Outbox::Statut,
            Outbox::Urgent,
            Outbox::ProchainEssai,
            Outbox::DestinataireMasque,
            Outbox::Reference,
            Outbox::StructureId,
            Outbox::FournisseurRef,
        ] {
            manager.alter_table(Table::alter().table(Outbox::Table).drop_column(col).to_owned()).await?;
        }
        manager
            .drop_index(Index::drop().name("ux_inscription_rappel_jeton").table(Inscription::Table).to_owned())
            .await?;
        for col in [Inscription::Langue, Inscription::RappelLe, Inscription::RappelJetonHash] {
            manager.alter_table(Table::alter().table(Inscription::Table).drop_column(col).to_owned()).await?;
        }
        manager
            .alter_table(Table::alter().table(CarnetEvenement::Table).drop_column(CarnetEvenement::RappelLe).to_owned())
            .await?;
        manager.alter_table(Table::alter().table(Carnet::Table).drop_column(Carnet::NouvellesLe).to_owned()).await?;
        Ok(())
    }
}
