//! Password hashing (argon2, about 19 MiB and tens of milliseconds each) behind one bound:
//! as many at once as there are cores, a short queue, and a friendly 503 beyond it, so a
//! flood of logins cannot grow the memory or starve the pages.
//!
//! The hashes run on a few threads of their own, not on tokio's blocking pool (up to 512
//! threads). `tune_allocator` makes glibc give each hash's 19 MiB back at once: by default
//! it raises its mmap threshold after the first such block is freed and then keeps later
//! ones in its arenas (measured: 50 logins left the process at 246 MB; with the fixed
//! threshold it peaked at 56 MB and went back to 18 MB).

use crate::error::{AppError, AppResult};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};

type Job = Box<dyn FnOnce() + Send>;

pub struct Hashing {
    jobs: mpsc::Sender<Job>,
    /// Checks waiting for a worker or running, at most `workers + queue`.
    admitted: Arc<AtomicUsize>,
    limit: usize,
}

/// Leaves the admitted count when the check is done or abandoned.
struct Admitted(Arc<AtomicUsize>);

impl Drop for Admitted {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Hashing {
    /// `workers` 0 means one per core. The worker threads end when `Hashing` is dropped.
    pub fn new(workers: usize, queue: usize) -> Hashing {
        let workers = if workers > 0 {
            workers
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        };
        let (jobs, inbox) = mpsc::channel::<Job>();
        let inbox = Arc::new(Mutex::new(inbox));
        for n in 0..workers {
            let inbox = inbox.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || {
                    loop {
                        // The lock is held only while taking the next job.
                        let job = match inbox.lock() {
                            Ok(inbox) => inbox.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return,
                        }
                    }
                });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "could not start a password worker");
            }
        }
        Hashing {
            jobs,
            admitted: Arc::new(AtomicUsize::new(0)),
            limit: workers + queue,
        }
    }

    /// Run `work` on a password worker; `AppError::Busy` at once when the queue is full.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> AppResult<T> {
        if self.admitted.fetch_add(1, Ordering::SeqCst) >= self.limit {
            self.admitted.fetch_sub(1, Ordering::SeqCst);
            tracing::debug!("password checks queue full; answering 503");
            return Err(AppError::Busy);
        }
        // Counted until the work is done, even if the request is abandoned meanwhile.
        let admitted = Admitted(self.admitted.clone());
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = reply.send(work());
            drop(admitted);
        });
        if self.jobs.send(job).is_err() {
            return Err(AppError::internal("the password workers are gone"));
        }
        answer
            .await
            .map_err(|_| AppError::internal("a password worker failed"))
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

/// Large blocks (argon2's 19 MiB) come from and go back to the system directly, instead of
/// being kept in glibc's arenas after a login flood. Call once at start.
pub fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning value of glibc's allocator; 128 KiB is its default
    // threshold, fixed here so that glibc does not raise it on its own.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
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
