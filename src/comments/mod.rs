//! Comments and one level of replies under an idea.

pub mod routes;
pub mod views;
