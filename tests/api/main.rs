//! Integration tests: the real router over real HTTP against a real database.

mod accounts;
mod backup;
mod comments;
mod curation;
mod helpers;
mod i18n;
mod ideas;
mod lookalikes;
mod multi_instance;
mod observability;
mod organisations;
mod security;
mod small_hardening;
mod supports;
mod themes;
mod workshops;
