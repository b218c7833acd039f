//! Tags: moderators keep each theme's short list and retag ideas; authors pick up to three
//! when submitting (in the idea form); lists and search filter by them.

pub mod routes;
pub mod views;

pub use routes::router;
