//! Password hashing (argon2, about 19 MiB and tens of milliseconds each) behind one bound:
//! as many at once as there are cores, a short queue, and a friendly 503 beyond it, so a
//! flood of logins cannot grow the memory or starve the pages.

use crate::error::{AppError, AppResult};
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::Semaphore;

pub struct Hashing {
    running: Semaphore,
    /// Checks waiting for a worker or running, at most `workers + queue`.
    admitted: AtomicUsize,
    limit: usize,
}

/// Leaves the admitted count when the check is done or abandoned.
struct Admitted<'a>(&'a AtomicUsize);

impl Drop for Admitted<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Hashing {
    /// `workers` 0 means one per core.
    pub fn new(workers: usize, queue: usize) -> Hashing {
        let workers = if workers > 0 {
            workers
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        };
        Hashing {
            running: Semaphore::new(workers),
            admitted: AtomicUsize::new(0),
            limit: workers + queue,
        }
    }

    /// Run `work` on the blocking pool once a worker is free; `AppError::Busy` at once when
    /// the queue is full.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> AppResult<T> {
        if self.admitted.fetch_add(1, Ordering::SeqCst) >= self.limit {
            self.admitted.fetch_sub(1, Ordering::SeqCst);
            tracing::warn!("password checks queue full; answering 503");
            return Err(AppError::Busy);
        }
        let _admitted = Admitted(&self.admitted);
        let _permit = self.running.acquire().await.map_err(|_| AppError::Busy)?;
        Ok(tokio::task::spawn_blocking(work).await?)
    }

    pub async fn hash(&self, password: String) -> AppResult<String> {
        self.run(move || password_auth::generate_hash(password))
            .await
    }

    pub async fn verify(&self, password: String, hash: String) -> AppResult<bool> {
        self.run(move || password_auth::verify_password(password, &hash).is_ok())
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::Hashing;

    #[tokio::test]
    async fn beyond_workers_and_queue_it_says_busy() {
        let h = std::sync::Arc::new(Hashing::new(1, 1));
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let first = {
            let h = h.clone();
            tokio::spawn(async move { h.run(move || rx.recv().is_ok()).await })
        };
        let second = {
            let h = h.clone();
            tokio::spawn(async move { h.run(|| true).await })
        };
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(matches!(
            h.run(|| true).await,
            Err(crate::error::AppError::Busy)
        ));
        let _ = tx.send(());
        assert!(matches!(first.await, Ok(Ok(true))));
        assert!(matches!(second.await, Ok(Ok(true))));
        assert!(matches!(h.run(|| true).await, Ok(true)));
    }
}
