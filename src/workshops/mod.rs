//! The Innovationswerkstatt: workshops with agenda, registration with seat limit and waiting
//! list, calendar files, participant lists, and numbered learnings linked to ideas.

pub mod ics;
pub mod routes;
pub mod views;
