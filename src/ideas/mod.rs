//! Ideas: submit, show, edit, withdraw, and support.

pub mod routes;
pub mod views;
