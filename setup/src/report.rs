//! What the user sees: a spinner (on stderr, when it is a terminal) while a step
//! runs, then one line per step on stdout, then a summary.

use indicatif::{ProgressBar, ProgressStyle};
use std::cell::RefCell;
use std::time::Duration;

/// What a step did to the store or the file, as its line on stdout says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Everything was already as wanted; nothing was written.
    Unchanged,
    /// Something was written.
    Changed,
    /// A dry run found something a real run would write.
    WouldChange,
}

impl Effect {
    /// The word shown on the step's line.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unchanged => "unchanged",
            Self::Changed => "changed",
            Self::WouldChange => "would change",
        }
    }
}

/// How a step ended, and a few words on what it found or did.
#[derive(Debug)]
pub struct Outcome {
    /// Whether the step wrote, would write, or left things alone.
    pub effect: Effect,
    /// What it found or did, shown after the effect.
    pub detail: String,
}

impl Outcome {
    /// The step found everything as wanted and wrote nothing (in a dry run or not).
    pub fn unchanged(detail: impl Into<String>) -> Self {
        Self {
            effect: Effect::Unchanged,
            detail: detail.into(),
        }
    }

    /// The step wrote something; `detail` says what was done.
    pub fn changed(detail: impl Into<String>) -> Self {
        Self {
            effect: Effect::Changed,
            detail: detail.into(),
        }
    }

    /// A dry run found something to write and left it; `detail` says what a real run
    /// would do.
    pub fn would_change(detail: impl Into<String>) -> Self {
        Self {
            effect: Effect::WouldChange,
            detail: detail.into(),
        }
    }
}

/// Runs the steps one after another, shows their lines, and sums them up.
pub struct Reporter {
    total: usize,
    dry_run: bool,
    spinner: RefCell<Option<ProgressBar>>,
    changes: RefCell<Vec<Effect>>,
}

impl Reporter {
    /// A reporter for `total` steps; `dry_run` only changes the summary's words.
    pub fn new(total: usize, dry_run: bool) -> Self {
        Self {
            total,
            dry_run,
            spinner: RefCell::new(None),
            changes: RefCell::new(Vec::new()),
        }
    }

    /// A `--verbose` line on stderr, above the spinner if one is turning.
    pub fn trace(&self, line: &str) {
        match self.spinner.borrow().as_ref() {
            Some(spinner) => spinner.suspend(|| eprintln!("    {line}")),
            None => eprintln!("    {line}"),
        }
    }

    /// Run step `index` under a spinner and print its line.
    pub fn step<T>(
        &self,
        index: usize,
        name: &str,
        run: impl FnOnce() -> anyhow::Result<(Outcome, T)>,
    ) -> anyhow::Result<T> {
        let label = format!("[{index}/{}] {name:<17}", self.total);
        let spinner = ProgressBar::new_spinner();
        spinner.set_style(
            ProgressStyle::with_template("{spinner} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        spinner.set_message(label.clone());
        spinner.enable_steady_tick(Duration::from_millis(100));
        *self.spinner.borrow_mut() = Some(spinner.clone());
        let result = run();
        self.spinner.borrow_mut().take();
        spinner.finish_and_clear();
        match result {
            Ok((outcome, value)) => {
                println!("{label} {:<12} {}", outcome.effect.label(), outcome.detail);
                self.changes.borrow_mut().push(outcome.effect);
                Ok(value)
            }
            Err(error) => {
                println!("{label} failed");
                Err(error)
            }
        }
    }

    /// The last line: how many steps changed (or would change) something.
    pub fn summary(&self) -> String {
        let changes = self.changes.borrow();
        let changed = changes.iter().filter(|c| **c != Effect::Unchanged).count();
        let steps = if changed == 1 { "step" } else { "steps" };
        match (self.dry_run, changed) {
            (false, 0) => "nothing to change".into(),
            (false, n) => format!("{n} {steps} changed"),
            (true, 0) => "dry run: nothing to change".into(),
            (true, n) => format!("dry run: {n} {steps} would change; nothing was written"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries() {
        let reporter = Reporter::new(2, false);
        assert_eq!(reporter.summary(), "nothing to change");
        reporter
            .step(1, "a", || Ok((Outcome::changed("did"), ())))
            .unwrap();
        assert_eq!(reporter.summary(), "1 step changed");
        let dry = Reporter::new(2, true);
        dry.step(1, "a", || Ok((Outcome::would_change("would"), ())))
            .unwrap();
        dry.step(2, "b", || Ok((Outcome::unchanged("same"), ())))
            .unwrap();
        assert_eq!(
            dry.summary(),
            "dry run: 1 step would change; nothing was written"
        );
    }
}
