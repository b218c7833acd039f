//! The pages every German public site must have: Impressum, Datenschutzerklärung, Erklärung
//! zur Barrierefreiheit (with its feedback form) and an explanation in Leichte Sprache.

pub mod routes;
pub mod views;
