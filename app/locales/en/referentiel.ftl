# The 10 themes of the national référentiel and their objectives, in English (same keys as locales/fr/referentiel.ftl).

theme-logement = Housing
objectif-logement-1 = Find housing
objectif-logement-2 = Change housing
objectif-logement-3 = Look for temporary accommodation
objectif-logement-4 = Reduce unpaid rent
objectif-logement-5 = Learn about housing steps (budget, inventory…)
objectif-logement-6 = Keep your housing

theme-emploi = Employment
objectif-emploi-1 = Confirm your choice of job
objectif-emploi-2 = Know the job opportunities
objectif-emploi-3 = Discover a job or a sector
objectif-emploi-4 = Identify your strengths and skills
objectif-emploi-5 = Build your network
objectif-emploi-6 = Organise your job search
objectif-emploi-7 = Write a CV and/or a cover letter
objectif-emploi-8 = Show the value of your skills
objectif-emploi-9 = Convince recruiters in a job interview
objectif-emploi-10 = Send unsolicited applications
objectif-emploi-11 = Answer job offers
objectif-emploi-12 = Follow up your applications and recruiters
objectif-emploi-13 = Define your business creation project
objectif-emploi-14 = Develop your business
objectif-emploi-15 = Structure your business creation project
objectif-emploi-16 = Know the job opportunities abroad
objectif-emploi-17 = Learn about support to work abroad
objectif-emploi-18 = Get organised after returning to France

theme-formation = Training
objectif-formation-1 = Prepare your training application
objectif-formation-2 = Find your training

theme-difficulte_administrative = Paperwork difficulties
objectif-difficulte_administrative-1 = Get support to access citizenship
objectif-difficulte_administrative-2 = Get support to access your rights
objectif-difficulte_administrative-3 = Get help with paperwork
objectif-difficulte_administrative-4 = Get suitable support measures
objectif-difficulte_administrative-5 = Know how to take action against discrimination
objectif-difficulte_administrative-6 = Deal with a legal issue

theme-difficulte_financiere = Money difficulties
objectif-difficulte_financiere-1 = Manage your budget on your own
objectif-difficulte_financiere-2 = Improve your budget management
objectif-difficulte_financiere-3 = Deal with debt or over-indebtedness
objectif-difficulte_financiere-4 = Set up financial protection (guardianship…)
objectif-difficulte_financiere-5 = Prevent your finances from getting worse

theme-mobilite = Getting around
objectif-mobilite-1 = Get a vehicle
objectif-mobilite-2 = Maintain or repair your vehicle
objectif-mobilite-3 = Review all your travel needs
objectif-mobilite-4 = Get a driving licence (theory / driving)
objectif-mobilite-5 = Feel ready to travel further
objectif-mobilite-6 = Find a means of transport (other than buying or repairing a vehicle)

theme-sante = Health
objectif-sante-1 = Get support to access health rights and/or care
objectif-sante-2 = Prepare an MDPH or disability application
objectif-sante-3 = Work on health habits (addictions, hygiene, screening…)

theme-contraintes_familiales = Family constraints
objectif-contraintes_familiales-1 = Cope with caring for a dependent person
objectif-contraintes_familiales-2 = Cope with a family conflict and/or a separation
objectif-contraintes_familiales-3 = Get family carer status
objectif-contraintes_familiales-4 = Break isolation
objectif-contraintes_familiales-5 = Overcome difficulties in raising children
objectif-contraintes_familiales-6 = Find childcare

theme-maitrise_langue = French language skills
objectif-maitrise_langue-1 = Learn / improve your maths skills
objectif-maitrise_langue-2 = Learn / improve your French

theme-numerique = Digital skills
objectif-numerique-1 = Use online services
objectif-numerique-2 = Get a computer, a tablet or a smartphone
objectif-numerique-3 = Get an internet connection
objectif-numerique-4 = Master the digital basics
