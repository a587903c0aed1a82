//! The registry of the page's views: each view, the name the page knows it by (its canvas is
//! `#view-<name>`), and the list of those names, stated once here.

use super::error::ModelError;

/// The views of the page, each drawn onto its own canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    GumbelMax,
    Components,
    Expectation,
    Strip,
    Figure1,
    Density,
    StraightThrough,
    Estimators,
    Annealing,
    Cost,
    Training,
}

/// The number of views.
pub const VIEW_COUNT: usize = 11;

/// Every view's name, in page order.
pub const VIEW_NAMES: [&str; VIEW_COUNT] = {
    let mut names = [""; VIEW_COUNT];
    let mut i = 0;
    while i < VIEW_COUNT {
        names[i] = View::ALL[i].name();
        i += 1;
    }
    names
};

impl View {
    /// Every view, in page order.
    pub const ALL: [View; VIEW_COUNT] = [
        View::GumbelMax,
        View::Components,
        View::Expectation,
        View::Strip,
        View::Figure1,
        View::Density,
        View::StraightThrough,
        View::Estimators,
        View::Annealing,
        View::Cost,
        View::Training,
    ];

    /// The view's place in [`View::ALL`] (page order), below [`VIEW_COUNT`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The name the page uses for the view (its canvas is `#view-<name>`).
    pub const fn name(self) -> &'static str {
        match self {
            View::GumbelMax => "gumbel-max",
            View::Components => "components",
            View::Expectation => "expectation",
            View::Strip => "strip",
            View::Figure1 => "figure1",
            View::Density => "density",
            View::StraightThrough => "straight-through",
            View::Estimators => "estimators",
            View::Annealing => "annealing",
            View::Cost => "cost",
            View::Training => "training",
        }
    }

    /// The view called `name`, if there is one.
    pub fn from_name(name: &str) -> Option<View> {
        View::ALL.iter().copied().find(|v| v.name() == name)
    }

    /// Whether this build draws the view. The page's first module (the `first-module`
    /// feature) leaves out the views of gradient estimators and training, which the full
    /// module draws; every other build draws every view.
    pub const fn in_module(self) -> bool {
        !cfg!(feature = "first-module")
            || !matches!(
                self,
                View::StraightThrough | View::Estimators | View::Training
            )
    }

    /// `Ok` when this build draws the view.
    ///
    /// # Errors
    /// [`ModelError::NotInModule`] for a view only the full module draws.
    pub const fn require_module(self) -> Result<(), ModelError> {
        if self.in_module() {
            Ok(())
        } else {
            Err(ModelError::NotInModule(self))
        }
    }

    /// The names of the views this build draws, in page order.
    pub fn module_names() -> Vec<&'static str> {
        View::ALL
            .iter()
            .filter(|v| v.in_module())
            .map(|v| v.name())
            .collect()
    }

    /// The view called `name`.
    ///
    /// # Errors
    /// [`ModelError::UnknownView`] for a name no view has.
    pub fn parse(name: &str) -> Result<View, ModelError> {
        View::from_name(name).ok_or_else(|| ModelError::UnknownView(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_lead_back_to_their_view() {
        for (i, view) in View::ALL.iter().enumerate() {
            assert_eq!(VIEW_NAMES[i], view.name());
            assert_eq!(view.index(), i);
            assert_eq!(View::parse(view.name()), Ok(*view));
            assert_eq!(VIEW_NAMES.iter().filter(|n| **n == view.name()).count(), 1);
        }
        assert_eq!(View::module_names().len(), VIEW_COUNT);
        assert_eq!(View::Estimators.require_module(), Ok(()));
        assert_eq!(
            View::parse("no-such-view").map_err(|e| e.to_string()),
            Err("there is no view called \"no-such-view\"".to_string())
        );
    }
}
