//! The progress bar of long runs, on stderr: files done, MB/s, ETA. It
//! appears only when `main` allows it (stderr a terminal, no `--quiet`) and
//! once the work has taken more than a second, and it is wiped before the
//! command's own output reaches the terminal.

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long the work runs before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    bytes: u64,
    shown: bool,
}

impl Progress {
    /// A bar over `files` files, drawn only if `enabled`.
    pub fn new(enabled: bool, files: usize) -> Self {
        let bar = enabled.then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::hidden());
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:20} {human_pos}/{human_len} files · {msg} · ETA {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            bytes: 0,
            shown: false,
        }
    }

    /// One more file done, of `bytes` bytes.
    pub fn file(&mut self, bytes: usize) {
        let Some(bar) = &self.bar else { return };
        self.bytes += bytes as u64;
        let elapsed = self.started.elapsed();
        if !self.shown && elapsed >= DELAY {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
        bar.set_message(rate(self.bytes, elapsed));
        bar.inc(1);
    }

    /// The files are done and something else takes time ("comparing claims").
    pub fn phase(&mut self, what: &'static str) {
        if let Some(bar) = &self.bar {
            bar.set_message(format!(
                "{} · {what}",
                rate(self.bytes, self.started.elapsed())
            ));
            // redrawn while the phase runs, so that the message shows
            bar.enable_steady_tick(Duration::from_millis(250));
        }
    }

    /// Wipes the bar: the output comes next.
    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// "12.3 MB/s".
fn rate(bytes: u64, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64().max(1e-3);
    format!("{:.1} MB/s", bytes as f64 / secs / 1e6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_is_megabytes_per_second() {
        assert_eq!(rate(25_000_000, Duration::from_secs(2)), "12.5 MB/s");
        assert_eq!(rate(0, Duration::ZERO), "0.0 MB/s");
    }

    #[test]
    fn a_disabled_bar_counts_nothing_and_draws_nothing() {
        let mut p = Progress::new(false, 10);
        p.file(100);
        p.phase("comparing claims");
        assert!(p.bar.is_none());
        assert_eq!(p.bytes, 0);
    }

    #[test]
    fn the_bar_stays_hidden_for_the_first_second() {
        let mut p = Progress::new(true, 10);
        p.file(1000);
        assert!(!p.shown);
        assert_eq!(p.bar.as_ref().map(ProgressBar::position), Some(1));
        p.started -= DELAY;
        p.file(1000);
        assert!(p.shown);
        p.finish();
        assert!(p.bar.is_none());
    }
}
