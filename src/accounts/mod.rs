//! People and their accounts: registration, login, settings, public profiles, roles.

/// Confirming the address, the password reset and the change of address: the mailed links.
pub mod mail;
pub mod routes;
pub mod two_factor;
pub mod views;
