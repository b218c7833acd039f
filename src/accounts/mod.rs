//! People and their accounts: registration, login, settings, public profiles, roles.

pub mod routes;
pub mod two_factor;
pub mod views;
