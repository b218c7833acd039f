//! Full-text search over ideas, workshop learnings and comments (`/suche`), German-aware.

pub mod routes;
pub mod views;

pub use routes::router;
