//! Schema migrations, run by [`crate::AuditStore::open`]. Migrations are
//! written out by hand rather than derived from the entities, so a released
//! schema never changes when an entity does.

mod m0001_create_audit;

use sea_orm_migration::{MigrationTrait, MigratorTrait};

pub(crate) struct Migrator;

impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(m0001_create_audit::Migration)]
    }
}
