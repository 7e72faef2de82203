/// Options of the CSV reader (``DataFrame/init(csv:options:)``,
/// ``DataFrame/init(contentsOfCSVFile:options:)-(String,_)``, ``CSVChunks``).
///
/// pandas: the keyword arguments of `pd.read_csv`. Defaults: comma, a header row, NA tokens
/// `""`, `NA`, `N/A`, `NaN`, `null`, `?` (pandas' default list is longer: it also has `#N/A`,
/// `-NaN`, `nan`, `NULL`, `None`, `<NA>`, ... — add them to ``naTokens`` to match; `?` is not
/// in pandas' list), types inferred over the whole file, ISO `yyyy-MM-dd` dates detected.
public struct CSVReadOptions: Sendable, Hashable {
  /// The field separator, one ASCII character other than `"`, CR or LF. Default `,`.
  /// pandas: `sep`.
  public var delimiter: Character = ","
  /// Whether the first record names the columns. Default true. Without a header, columns
  /// are named `x0`, `x1`, ... (pandas: `header=None` names them 0, 1, ...).
  public var hasHeader = true
  /// Unquoted field texts read as null. Default `["", "NA", "N/A", "NaN", "null", "?"]`.
  /// A quoted field is never null (`""` is an empty string, `"NA"` the text NA), so the writer
  /// can round-trip such strings; pandas treats quoted tokens as NA too. Remove `"NaN"` to read
  /// it as a double NaN value instead of a null. pandas: `na_values` with
  /// `keep_default_na=False`.
  public var naTokens: Set<String> = ["", "NA", "N/A", "NaN", "null", "?"]
  /// Explicit column types by column name; other columns are inferred. A value that does not
  /// parse under an explicit type is an error. pandas: `dtype=` (and `parse_dates=`).
  public var columnTypes: [String: ColumnType] = [:]
  /// The date pattern (see `DateFormat`), e.g. `"yyyy-MM-dd"` or `"dd/MM/yyyy HH:mm"`; nil
  /// detects ISO `yyyy-MM-dd`, `yyyy-MM-dd HH:mm:ss` and `yyyy-MM-dd'T'HH:mm:ss` (mixed within a
  /// column). Default nil.
  /// pandas: `parse_dates=` with `date_format=`.
  public var dateFormat: String? = nil
  /// Inferred string columns whose distinct-value count is at most this fraction of their
  /// non-null count become categorical. Default nil (never). pandas: `dtype="category"`.
  public var categoricalThreshold: Double? = nil
  /// Whether to strip leading and trailing spaces and tabs of unquoted string fields (numbers,
  /// bools and dates always ignore them). Default false. pandas: `skipinitialspace` (leading
  /// only).
  public var trimsWhitespace = false

  /// Default options.
  public init() {}

  /// Options with the given values (see each property for its meaning and default).
  public init(
    delimiter: Character = ",", hasHeader: Bool = true,
    naTokens: Set<String> = ["", "NA", "N/A", "NaN", "null", "?"],
    columnTypes: [String: ColumnType] = [:], dateFormat: String? = nil,
    categoricalThreshold: Double? = nil, trimsWhitespace: Bool = false
  ) {
    self.delimiter = delimiter
    self.hasHeader = hasHeader
    self.naTokens = naTokens
    self.columnTypes = columnTypes
    self.dateFormat = dateFormat
    self.categoricalThreshold = categoricalThreshold
    self.trimsWhitespace = trimsWhitespace
  }

  /// The delimiter as a byte, checked.
  func delimiterByte() throws -> UInt8 {
    guard let ascii = delimiter.asciiValue, ascii != 0x22, ascii != 0x0A, ascii != 0x0D else {
      throw DataFrameError.invalidArgument(
        name: "delimiter", value: String(delimiter),
        expected: "one ASCII character other than a quote, CR or LF")
    }
    return ascii
  }
}

/// Options of the CSV writer (``DataFrame/csv(options:)``, ``DataFrame/writeCSV(to:options:)-(String,_)``).
///
/// pandas: the keyword arguments of `df.to_csv(index=False)`.
public struct CSVWriteOptions: Sendable, Hashable {
  /// The field separator (one ASCII character other than `"`, CR, LF). Default `,`.
  public var delimiter: Character = ","
  /// Whether to write the header row. Default true.
  public var includesHeader = true
  /// The text of a null. Default `""`. pandas: `na_rep`.
  public var nullText = ""
  /// The date pattern; nil writes `yyyy-MM-dd` for midnight values and
  /// `yyyy-MM-dd HH:mm:ss[.SSS]` otherwise. Default nil. pandas: `date_format`.
  public var dateFormat: String? = nil
  /// The record terminator. Default `"\n"`. pandas: `lineterminator`.
  public var lineTerminator = "\n"

  /// Default options.
  public init() {}

  /// Options with the given values.
  public init(
    delimiter: Character = ",", includesHeader: Bool = true, nullText: String = "",
    dateFormat: String? = nil, lineTerminator: String = "\n"
  ) {
    self.delimiter = delimiter
    self.includesHeader = includesHeader
    self.nullText = nullText
    self.dateFormat = dateFormat
    self.lineTerminator = lineTerminator
  }
}
