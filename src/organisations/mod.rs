//! NGO organisations: a profile, members added by the owner, verification by moderation, and
//! contributions posted "für" a verified organisation.

pub mod routes;
pub mod views;
