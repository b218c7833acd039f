//! The rights of the person (DSGVO): their data as a download, deleting their account, their
//! sessions, and how long the board keeps what it stores (the retention purge).

pub mod retention;
pub mod routes;
pub mod views;
