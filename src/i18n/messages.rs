//! The words the model and the page's handle report (error messages, notes, table headings), in
//! each language.
