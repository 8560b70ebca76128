//! A collector's table (a spreadsheet's sheet or a CSV file) read by its header names, never by
//! position: collectors rename, add and reorder columns between versions, and a custom field in
//! RVTools adds a column anywhere. A reader says which columns it wants, each with every name it has
//! had; the table keeps those columns only, so a wide sheet of many rows costs little memory.

use std::fmt;

/// A column a reader wants: its names across versions, the newest first. Matched without regard to
/// case or surrounding spaces.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Column {
    pub names: &'static [&'static str],
    /// Without it the table is of no use: its absence is an error naming the column.
    pub required: bool,
}

impl Column {
    pub const fn required(names: &'static [&'static str]) -> Self {
        Column {
            names,
            required: true,
        }
    }

    pub const fn optional(names: &'static [&'static str]) -> Self {
        Column {
            names,
            required: false,
        }
    }

    fn matches(&self, header: &str) -> bool {
        let header = header.trim();
        self.names
            .iter()
            .any(|name| name.eq_ignore_ascii_case(header))
    }
}

/// A cell's value as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
    /// A spreadsheet date: days since 1899-12-30, the fraction being the time of day.
    Serial(f64),
}

impl Value {
    /// The value as text, as a person reads it in the file (whole numbers without a fraction).
    pub fn text(&self) -> String {
        match self {
            Value::Text(text) => text.trim().to_owned(),
            Value::Number(number) | Value::Serial(number) => number_text(*number),
            Value::Bool(true) => "True".to_owned(),
            Value::Bool(false) => "False".to_owned(),
        }
    }

    /// The value as a number: a number cell, or text that is one (a thousands separator, a unit
    /// or a percent sign after it is not read).
    pub fn number(&self) -> Option<f64> {
        match self {
            Value::Number(number) => Some(*number),
            Value::Text(text) => text.trim().parse::<f64>().ok().filter(|n| n.is_finite()),
            Value::Bool(_) | Value::Serial(_) => None,
        }
    }

    /// The value as yes or no: a boolean cell, or the words collectors write for one.
    pub fn boolean(&self) -> Option<bool> {
        match self {
            Value::Bool(value) => Some(*value),
            Value::Text(text) => match text.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "enabled" | "on" | "1" => Some(true),
                "false" | "no" | "disabled" | "off" | "0" => Some(false),
                _ => None,
            },
            Value::Number(number) if *number == 1.0 => Some(true),
            Value::Number(number) if *number == 0.0 => Some(false),
            Value::Number(_) | Value::Serial(_) => None,
        }
    }
}

/// Whole numbers without a fraction; others as Rust prints them.
fn number_text(number: f64) -> String {
    if number.fract() == 0.0 && number.abs() < 1e15 {
        format!("{}", number as i64)
    } else {
        format!("{number}")
    }
}

/// The columns a reader asked for, in its order, from one table of a file.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// The sheet's or the CSV file's name, as it appears in the export.
    pub name: String,
    pub rows: Vec<Row>,
}

impl Table {
    /// Where a row was read, in the export being read (source 0: [`super::Evidence::merge`]
    /// renumbers it).
    pub fn origin(&self, row: &Row) -> super::Origin {
        super::Origin {
            source: 0,
            table: self.name.clone(),
            row: row.number,
        }
    }
}

/// Every row of `table`, if it was read, made into a fact by `make` with where the row was read;
/// rows it makes nothing of (no name) are left out.
pub(crate) fn facts<T>(
    table: Option<&Table>,
    mut make: impl FnMut(&Row, super::Origin) -> Option<T>,
) -> Vec<T> {
    table.map_or_else(Vec::new, |table| {
        table
            .rows
            .iter()
            .filter_map(|row| make(row, table.origin(row)))
            .collect()
    })
}

/// One row: its number as a person finds it in the file opened in a spreadsheet (the header being
/// row 1), and the cells of the wanted columns.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub number: u32,
    pub cells: Vec<Option<Value>>,
}

impl Row {
    /// The cell of the reader's column `index`, when the file has the column and the cell holds
    /// something.
    pub fn get(&self, index: usize) -> Option<&Value> {
        self.cells.get(index).and_then(Option::as_ref)
    }

    /// The cell as text, empty text counting as nothing.
    pub fn text(&self, index: usize) -> Option<String> {
        self.get(index)
            .map(Value::text)
            .filter(|text| !text.is_empty())
    }

    pub fn number(&self, index: usize) -> Option<f64> {
        self.get(index).and_then(Value::number)
    }

    /// The cell as a whole number no smaller than zero.
    pub fn count(&self, index: usize) -> Option<u64> {
        self.number(index)
            .filter(|n| *n >= 0.0 && n.fract() == 0.0 && *n < 1e15)
            .map(|n| n as u64)
    }

    pub fn boolean(&self, index: usize) -> Option<bool> {
        self.get(index).and_then(Value::boolean)
    }
}

/// Where each wanted column is among a file's headers: `None` for a column the file lacks.
pub(crate) fn locate(
    table: &str,
    headers: &[String],
    columns: &[Column],
) -> Result<Vec<Option<usize>>, MissingColumn> {
    columns
        .iter()
        .map(|column| {
            let at = headers.iter().position(|header| column.matches(header));
            match at {
                None if column.required => Err(MissingColumn {
                    table: table.to_owned(),
                    column: column.names[0],
                }),
                at => Ok(at),
            }
        })
        .collect()
}

/// A required column that a table does not have under any of its names.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingColumn {
    pub table: String,
    pub column: &'static str,
}

impl fmt::Display for MissingColumn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the sheet or file “{}” has no column “{}”",
            self.table, self.column
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: [Column; 3] = [
        Column::required(&["VM"]),
        Column::optional(&["In Use MiB", "In Use MB"]),
        Column::optional(&["Annotation"]),
    ];

    #[test]
    fn columns_are_found_by_any_of_their_names_in_any_order() {
        let headers = ["In Use MB", "Powerstate", " vm "].map(str::to_owned);
        assert_eq!(
            locate("vInfo", &headers, &COLUMNS),
            Ok(vec![Some(2), Some(0), None])
        );
    }

    #[test]
    fn a_missing_required_column_is_named() {
        let headers = ["Powerstate"].map(str::to_owned);
        let error = locate("vInfo", &headers, &COLUMNS).expect_err("VM is required");
        assert_eq!(
            error.to_string(),
            "the sheet or file “vInfo” has no column “VM”"
        );
    }

    #[test]
    fn values_read_as_collectors_write_them() {
        assert_eq!(Value::Text(" True ".into()).boolean(), Some(true));
        assert_eq!(Value::Text("False".into()).boolean(), Some(false));
        assert_eq!(Value::Text("maybe".into()).boolean(), None);
        assert_eq!(Value::Text("9000".into()).number(), Some(9000.0));
        assert_eq!(Value::Text("1,024".into()).number(), None);
        assert_eq!(Value::Text("NaN".into()).number(), None);
        assert_eq!(Value::Number(1500.0).text(), "1500");
        assert_eq!(Value::Number(12.5).text(), "12.5");
    }
}
