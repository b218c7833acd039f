//! The office's newsletter: double opt-in subscription (also without an account), issues
//! written by admins and moderators and sent through the outbox, the public archive.

pub mod routes;
pub mod views;
