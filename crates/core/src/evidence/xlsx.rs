//! Reading sheets of an `.xlsx` with calamine, cell by cell, keeping only the columns a reader
//! wants. Before calamine opens the workbook every part is inflated once into nothing, counting,
//! so a zip bomb is refused before anything is parsed; rows are counted as they stream.

use std::io::{Cursor, Read};

use calamine::{DataRef, Reader, Xlsx};

use super::table::{Column, Row, Table, Value, locate};
use super::{MAX_ENTRIES, MAX_INFLATED_BYTES, MAX_ROWS, Problem};

/// Whether a zip archive is a spreadsheet (it has the workbook part every `.xlsx` has).
pub(crate) fn is_spreadsheet(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes))
        .is_ok_and(|archive| archive.index_for_name("xl/workbook.xml").is_some())
}

/// Inflates every part of a zip archive into nothing, stopping at the limits.
pub(crate) fn check_inflation(bytes: &[u8]) -> Result<(), Problem> {
    let mut archive =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Problem::Damaged(e.to_string()))?;
    if archive.len() > MAX_ENTRIES {
        return Err(Problem::TooManyEntries {
            count: archive.len(),
        });
    }
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let entry = archive
            .by_index(index)
            .map_err(|e| Problem::Damaged(e.to_string()))?;
        let room = MAX_INFLATED_BYTES - total;
        let inflated = std::io::copy(&mut entry.take(room + 1), &mut std::io::sink())
            .map_err(|e| Problem::Damaged(e.to_string()))?;
        if inflated > room {
            return Err(Problem::Inflates);
        }
        total += inflated;
    }
    Ok(())
}

/// An opened workbook.
pub(crate) struct Workbook<'a> {
    book: Xlsx<Cursor<&'a [u8]>>,
}

impl<'a> Workbook<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, Problem> {
        check_inflation(bytes)?;
        let book = Xlsx::new(Cursor::new(bytes)).map_err(|e| Problem::Damaged(e.to_string()))?;
        Ok(Workbook { book })
    }

    pub fn sheet_names(&self) -> Vec<String> {
        self.book.sheet_names()
    }

    /// The sheet `name` (matched without regard to case), its first row being the headers; `None`
    /// when the workbook has no such sheet.
    pub fn sheet(&mut self, name: &str, columns: &[Column]) -> Result<Option<Table>, Problem> {
        let Some(actual) = self
            .sheet_names()
            .into_iter()
            .find(|sheet| sheet.eq_ignore_ascii_case(name))
        else {
            return Ok(None);
        };
        let damaged = |e: calamine::XlsxError| Problem::Damaged(format!("sheet {actual}: {e}"));
        let mut cells = self.book.worksheet_cells_reader(&actual).map_err(damaged)?;
        let mut headers: Vec<String> = Vec::new();
        let mut header_row = None;
        let mut at: Option<Vec<Option<usize>>> = None;
        let mut rows: Vec<Row> = Vec::new();
        let mut current: Option<Row> = None;
        while let Some(cell) = cells.next_cell().map_err(damaged)? {
            let (row, col) = cell.get_position();
            let value = value(cell.get_value());
            let header_row = *header_row.get_or_insert(row);
            if row == header_row {
                let col = col as usize;
                if col >= headers.len() {
                    headers.resize(col + 1, String::new());
                }
                headers[col] = value.map(|v| v.text()).unwrap_or_default();
                continue;
            }
            let positions = match &at {
                Some(positions) => positions,
                None => {
                    at.insert(locate(&actual, &headers, columns).map_err(Problem::MissingColumn)?)
                }
            };
            let Some(wanted) = positions.iter().position(|p| *p == Some(col as usize)) else {
                continue;
            };
            if current.as_ref().is_none_or(|r| r.number != row + 1) {
                if let Some(done) = current.take() {
                    rows.push(done);
                }
                if rows.len() >= MAX_ROWS {
                    return Err(Problem::TooManyRows { table: actual });
                }
                current = Some(Row {
                    number: row + 1,
                    cells: vec![None; columns.len()],
                });
            }
            if let Some(current) = current.as_mut() {
                current.cells[wanted] = value;
            }
        }
        if at.is_none() {
            // Headers only, or an empty sheet: still check the headers.
            locate(&actual, &headers, columns).map_err(Problem::MissingColumn)?;
        }
        rows.extend(current);
        rows.retain(|row| row.cells.iter().any(Option::is_some));
        Ok(Some(Table { name: actual, rows }))
    }
}

fn value(cell: &DataRef<'_>) -> Option<Value> {
    match cell {
        DataRef::Int(number) => Some(Value::Number(*number as f64)),
        DataRef::Float(number) => Some(Value::Number(*number)),
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => {
            Some(Value::Text(text.clone()))
        }
        DataRef::SharedString(text) => Some(Value::Text((*text).to_owned())),
        DataRef::Bool(value) => Some(Value::Bool(*value)),
        DataRef::DateTime(date) => Some(Value::Serial(date.as_f64())),
        DataRef::Error(_) | DataRef::Empty => None,
    }
}
