//! The home page with all themes, a theme with its ideas, and theme administration.

pub mod routes;
pub mod views;
