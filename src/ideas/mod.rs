//! Ideas: submit, show, edit, withdraw, and support.

pub mod list;
pub mod page;
pub mod routes;
pub mod views;
