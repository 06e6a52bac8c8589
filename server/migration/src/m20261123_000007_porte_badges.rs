//! What each workshop's badge says (its achievement), and the person's "Mes badges": a wallet per
//! contact, reached by private links, which gathers the badges of every workshop attended.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveIden, Clone, Copy)]
enum Atelier {
    Table,
    /// The badge's name (the workshop's title when empty).
    BadgeNom,
    BadgeDescription,
    /// How it is earned, in plain French.
    BadgeCriteres,
    /// The badge's look: one of the designs drawn by the server (`badges::image`).
    BadgeImage,
}

#[derive(DeriveIden, Clone, Copy)]
enum PorteBadges {
    Table,
    Id,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum PorteBadgesContact {
    Table,
    /// SHA-256 of a secret pepper and one contact of the person (e-mail, or mobile as +33…): the
    /// same person finds one wallet across workshops, and the contact itself is not kept.
    ContactHash,
    PorteBadgesId,
}

#[derive(DeriveIden, Clone, Copy)]
enum PorteBadgesLien {
    Table,
    /// SHA-256 of the token of a private link `/mes-badges/<token>` (the token is never stored).
    TokenHash,
    PorteBadgesId,
    CreatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum Badge {
    Table,
    PorteBadgesId,
}

#[derive(DeriveIden, Clone, Copy)]
enum BadgeState {
    Table,
    /// Random, drawn on first use; never leaves the database.
    Pepper,
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for col in [
            string_len_null(Atelier::BadgeNom, 120),
            text_null(Atelier::BadgeDescription),
            text_null(Atelier::BadgeCriteres),
            string_len(Atelier::BadgeImage, 20).default("bleu").to_owned(),
        ] {
            let mut col = col;
            manager.alter_table(Table::alter().table(Atelier::Table).add_column(&mut col).to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(PorteBadges::Table)
                    .if_not_exists()
                    .col(string_len(PorteBadges::Id, 36).primary_key())
                    .col(timestamp_with_time_zone(PorteBadges::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PorteBadgesContact::Table)
                    .if_not_exists()
                    .col(string_len(PorteBadgesContact::ContactHash, 64).primary_key())
                    .col(string_len(PorteBadgesContact::PorteBadgesId, 36))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PorteBadgesLien::Table)
                    .if_not_exists()
                    .col(string_len(PorteBadgesLien::TokenHash, 64).primary_key())
                    .col(string_len(PorteBadgesLien::PorteBadgesId, 36))
                    .col(timestamp_with_time_zone(PorteBadgesLien::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(Badge::Table).add_column(string_len_null(Badge::PorteBadgesId, 36)).to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("badge_porte_badges").table(Badge::Table).col(Badge::PorteBadgesId).to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter().table(BadgeState::Table).add_column(string_len_null(BadgeState::Pepper, 64)).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("badge_porte_badges").table(Badge::Table).to_owned()).await?;
        manager.alter_table(Table::alter().table(Badge::Table).drop_column(Badge::PorteBadgesId).to_owned()).await?;
        manager.alter_table(Table::alter().table(BadgeState::Table).drop_column(BadgeState::Pepper).to_owned()).await?;
        for col in [Atelier::BadgeNom, Atelier::BadgeDescription, Atelier::BadgeCriteres, Atelier::BadgeImage] {
            manager.alter_table(Table::alter().table(Atelier::Table).drop_column(col).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(PorteBadgesLien::Table).if_exists().to_owned()).await?;
        manager.drop_table(Table::drop().table(PorteBadgesContact::Table).if_exists().to_owned()).await?;
        manager.drop_table(Table::drop().table(PorteBadges::Table).if_exists().to_owned()).await
    }
}
