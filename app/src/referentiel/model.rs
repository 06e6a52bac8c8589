use serde::{Deserialize, Serialize};

/// One of the 10 themes, with what the référentiel lists under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    pub code: String,
    pub label: String,
    pub situations: Vec<String>,
    pub objectifs: Vec<String>,
    pub actions: Vec<String>,
}

impl Theme {
    /// Every word a person might type to find this theme, folded (see [`crate::text::fold`]).
    pub fn keywords(&self) -> String {
        let mut all = vec![self.label.as_str()];
        all.extend(self.situations.iter().map(String::as_str));
        all.extend(self.objectifs.iter().map(String::as_str));
        all.extend(self.actions.iter().map(String::as_str));
        crate::text::fold(&all.join(" "))
    }
}
