//! Keeping the board civil in public: reports, hiding, blocking, merging duplicates, and the
//! transparency page that shows every moderation and ministry action.

pub mod routes;
pub mod views;
