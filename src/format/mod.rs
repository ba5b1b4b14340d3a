//! Formatting shared by the view models and the renderer, below both: Markdown notes,
//! inline SVG charts, HTML and Markdown escaping, amounts and dates, iCalendar files.
//! Nothing here knows about audiences, pages or templates, and nothing here imports from
//! `view` or `render`.

pub mod chart;
pub mod html;
pub mod ical;
pub mod markdown;
pub mod markdown_text;
mod numbers;
pub mod print;

pub use html::escape_html;
pub use markdown_text::{escape_markdown_text, markdown_cell};
pub use numbers::{amount, date, money, opt_date, percent, score, signed, signed_score};
