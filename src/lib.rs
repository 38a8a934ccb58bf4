//! corpus-cli: reads a folder of news articles and shows, side by side, what
//! each one claims.
//!
//! The pipeline, left to right: [`reader`] → [`document`] → [`extract`] →
//! [`pipeline`] → [`summary`] → [`report`]; [`commands`] wires them for the
//! binary and [`cli`] holds the arguments.

pub mod claims;
pub mod cli;
pub mod commands;
pub mod document;
pub mod extract;
pub mod output;
pub mod pipeline;
pub mod progress;
pub mod reader;
pub mod report;
pub mod summary;
