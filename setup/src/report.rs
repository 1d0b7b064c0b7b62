//! What the user sees: a spinner (on stderr, when it is a terminal) while a step
//! runs, then one line per step on stdout, then a summary.

use indicatif::{ProgressBar, ProgressStyle};
use std::cell::RefCell;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Unchanged,
    Changed,
    WouldChange,
}

impl Effect {
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
    pub effect: Effect,
    pub detail: String,
}

impl Outcome {
    pub fn unchanged(detail: impl Into<String>) -> Self {
        Self {
            effect: Effect::Unchanged,
            detail: detail.into(),
        }
    }

    /// `Changed` with `done`, or in a dry run `WouldChange` with `planned`.
    pub fn change(dry_run: bool, done: impl Into<String>, planned: impl Into<String>) -> Self {
        if dry_run {
            Self {
                effect: Effect::WouldChange,
                detail: planned.into(),
            }
        } else {
            Self {
                effect: Effect::Changed,
                detail: done.into(),
            }
        }
    }
}

pub struct Reporter {
    total: usize,
    dry_run: bool,
    spinner: RefCell<Option<ProgressBar>>,
    changes: RefCell<Vec<Effect>>,
}

impl Reporter {
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
            .step(1, "a", || Ok((Outcome::change(false, "did", "would"), ())))
            .unwrap();
        assert_eq!(reporter.summary(), "1 step changed");
        let dry = Reporter::new(2, true);
        dry.step(1, "a", || Ok((Outcome::change(true, "did", "would"), ())))
            .unwrap();
        dry.step(2, "b", || Ok((Outcome::unchanged("same"), ())))
            .unwrap();
        assert_eq!(
            dry.summary(),
            "dry run: 1 step would change; nothing was written"
        );
    }
}
