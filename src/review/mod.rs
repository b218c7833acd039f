//! The ministry's desk: forwarded ideas ranked by support, the moderators' notes, the public
//! answer form, and a CSV export of the current view.

pub mod routes;
pub mod views;
