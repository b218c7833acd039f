//! Integration tests: the real router over real HTTP against a real database.

mod abuse;
mod accounts;
mod backup;
mod comments;
mod curation;
mod feeds;
mod hardening_cli;
mod hardening_faults;
mod hardening_input;
mod hardening_transport;
mod helpers;
mod i18n;
mod ideas;
mod lookalikes;
mod mail;
mod multi_instance;
mod newsletter;
mod notifications;
mod observability;
mod organisations;
mod search;
mod security;
mod small_hardening;
mod supports;
mod themes;
mod workshops;
