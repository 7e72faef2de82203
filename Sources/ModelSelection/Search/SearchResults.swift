import Foundation
import LinearAlgebra
import SwiftLearnCore

/// The table of every candidate a search evaluated: parameters, per-split and mean/std scores,
/// ranks and timings.
///
/// scikit-learn: `cv_results_` of `GridSearchCV`, `RandomizedSearchCV`, the halving searches
/// (`iter`, `n_resources`) — as typed columns instead of a dictionary of arrays. Row `i` is
/// candidate `i` in the order the search evaluated them. Means and standard deviations are
/// over the splits, with the population standard deviation (`np.std`), as scikit-learn.
///
///     print(result.results.text)           // aligned table
///     try result.results.csv().write(to: url, atomically: true, encoding: .utf8)
public struct SearchResults: Sendable, Hashable, Codable {
  /// The display names of the searched hyperparameters (the axes' names), in axis order.
  public let parameterNames: [String]
  /// Each candidate's values as text, one array per candidate in ``parameterNames`` order
  /// (scikit-learn's `params` / `param_<name>`).
  public let parameters: [[String]]
  /// Test score of each candidate on each split: `splitTestScores[candidate][split]`.
  public let splitTestScores: [[Double]]
  /// Mean test score over the splits (`mean_test_score`).
  public let meanTestScore: [Double]
  /// Standard deviation of the test scores (`std_test_score`).
  public let stdTestScore: [Double]
  /// Rank of each candidate by mean test score, 1 for the best, ties sharing the lowest rank
  /// (scipy's `rankdata(method="min")`, as `rank_test_score`); a NaN mean ranks last.
  public let rankTestScore: [Int]
  /// Training scores per split, when the search was asked for them (`split<k>_train_score`).
  public let splitTrainScores: [[Double]]?
  /// Mean training score, when asked for (`mean_train_score`).
  public let meanTrainScore: [Double]?
  /// Standard deviation of the training scores, when asked for (`std_train_score`).
  public let stdTrainScore: [Double]?
  /// Mean seconds to fit, per candidate (`mean_fit_time`).
  public let meanFitTime: [Double]
  /// Standard deviation of the fit seconds (`std_fit_time`).
  public let stdFitTime: [Double]
  /// Mean seconds to score, per candidate (`mean_score_time`).
  public let meanScoreTime: [Double]
  /// Standard deviation of the score seconds (`std_score_time`).
  public let stdScoreTime: [Double]
  /// The successive-halving iteration of each row (`iter`); `nil` for other searches.
  public let iteration: [Int]?
  /// The number of resources (training samples) of each row (`n_resources`); `nil` for
  /// other searches.
  public let resourceCount: [Int]?

  /// The number of candidates (rows).
  public var candidateCount: Int { meanTestScore.count }

  /// The row of the best candidate: the first with rank 1 (scikit-learn's `best_index_`).
  public var bestIndex: Int { rankTestScore.firstIndex(of: 1) ?? 0 }

  init(
    parameterNames: [String], parameters: [[String]], splitTestScores: [[Double]],
    splitTrainScores: [[Double]]?, fitTimes: [[Double]], scoreTimes: [[Double]],
    iteration: [Int]? = nil, resourceCount: [Int]? = nil
  ) {
    self.parameterNames = parameterNames
    self.parameters = parameters
    self.splitTestScores = splitTestScores
    self.meanTestScore = splitTestScores.map(Self.mean)
    self.stdTestScore = splitTestScores.map(Self.std)
    self.splitTrainScores = splitTrainScores
    self.meanTrainScore = splitTrainScores?.map(Self.mean)
    self.stdTrainScore = splitTrainScores?.map(Self.std)
    self.meanFitTime = fitTimes.map(Self.mean)
    self.stdFitTime = fitTimes.map(Self.std)
    self.meanScoreTime = scoreTimes.map(Self.mean)
    self.stdScoreTime = scoreTimes.map(Self.std)
    self.iteration = iteration
    self.resourceCount = resourceCount
    self.rankTestScore = Self.rank(self.meanTestScore)
  }

  /// numpy's `mean`: the pairwise sum (numpy's `pairwise_sum`: plain below 8 values, eight
  /// running sums up to 128, halves above) divided by the count, so means of any number of
  /// splits round exactly as scikit-learn's `np.average`.
  static func mean(_ v: [Double]) -> Double {
    guard !v.isEmpty else { return .nan }
    return v.withUnsafeBufferPointer { pairwiseSum($0[...]) } / Double(v.count)
  }

  static func pairwiseSum(_ a: Slice<UnsafeBufferPointer<Double>>) -> Double {
    let n = a.count
    let start = a.startIndex
    if n < 8 {
      var s = 0.0
      for x in a { s += x }
      return s
    }
    if n <= 128 {
      var r = (0..<8).map { a[start + $0] }
      var i = 8
      while i < n - n % 8 {
        for j in 0..<8 { r[j] += a[start + i + j] }
        i += 8
      }
      var s = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
      while i < n {
        s += a[start + i]
        i += 1
      }
      return s
    }
    var half = n / 2
    half -= half % 8
    return pairwiseSum(a[start..<(start + half)]) + pairwiseSum(a[(start + half)...])
  }

  /// numpy's `std` with `ddof=0`.
  static func std(_ v: [Double]) -> Double {
    guard !v.isEmpty else { return .nan }
    let m = mean(v)
    return mean(v.map { ($0 - m) * ($0 - m) }).squareRoot()
  }

  /// scikit-learn's ranking: NaN means become `nanmin - 1`, then `rankdata(-means, "min")`.
  static func rank(_ means: [Double]) -> [Int] {
    let finite = means.filter { !$0.isNaN }
    guard let lowest = finite.min() else { return means.map { _ in 1 } }
    let key = means.map { $0.isNaN ? lowest - 1 : $0 }
    // Sort descending; each value's rank is 1 + the number of strictly greater values.
    let order = key.indices.sorted { key[$0] > key[$1] }
    var ranks = [Int](repeating: 1, count: key.count)
    for (position, i) in order.enumerated() {
      if position > 0, key[order[position - 1]] == key[i] {
        ranks[i] = ranks[order[position - 1]]
      } else {
        ranks[i] = position + 1
      }
    }
    return ranks
  }

  /// The column headers of ``text`` and ``csv(separator:)``.
  public var columnNames: [String] {
    var names: [String] = []
    if iteration != nil { names += ["iter", "n_resources"] }
    names += parameterNames
    names += ["mean_test_score", "std_test_score", "rank_test_score"]
    if meanTrainScore != nil { names += ["mean_train_score", "std_train_score"] }
    names += ["mean_fit_time", "std_fit_time", "mean_score_time", "std_score_time"]
    let splits = splitTestScores.first?.count ?? 0
    names += (0..<splits).map { "split\($0)_test_score" }
    if splitTrainScores != nil { names += (0..<splits).map { "split\($0)_train_score" } }
    return names
  }

  /// The cells of row `i`, as text; numbers in Swift's shortest round-trip form.
  func cells(_ i: Int, digits: Int?) -> [String] {
    func f(_ v: Double) -> String {
      guard let digits else { return "\(v)" }
      return String(format: "%.\(digits)f", v)
    }
    var row: [String] = []
    if let iteration, let resourceCount { row += ["\(iteration[i])", "\(resourceCount[i])"] }
    row += parameters[i]
    row += [f(meanTestScore[i]), f(stdTestScore[i]), "\(rankTestScore[i])"]
    if let meanTrainScore, let stdTrainScore {
      row += [f(meanTrainScore[i]), f(stdTrainScore[i])]
    }
    row += [f(meanFitTime[i]), f(stdFitTime[i]), f(meanScoreTime[i]), f(stdScoreTime[i])]
    row += splitTestScores[i].map(f)
    if let splitTrainScores { row += splitTrainScores[i].map(f) }
    return row
  }

  /// An aligned text table: one header line, then one line per candidate; parameter columns
  /// left-aligned, numbers right-aligned with 4 decimals. Only the parameters, the test score
  /// summary, the rank, the train score summary (when present) and the mean fit time are
  /// shown; ``csv(separator:)`` has every column.
  ///
  /// - Complexity: O(candidates × columns).
  public var text: String {
    var header: [String] = []
    if iteration != nil { header += ["iter", "n_resources"] }
    header += parameterNames + ["mean_test_score", "std_test_score", "rank_test_score"]
    if meanTrainScore != nil { header += ["mean_train_score", "std_train_score"] }
    header += ["mean_fit_time"]
    let leftCount = (iteration != nil ? 2 : 0) + parameterNames.count
    var rows: [[String]] = []
    for i in 0..<candidateCount {
      var row: [String] = []
      if let iteration, let resourceCount { row += ["\(iteration[i])", "\(resourceCount[i])"] }
      row += parameters[i]
      row += [
        String(format: "%.4f", meanTestScore[i]), String(format: "%.4f", stdTestScore[i]),
        "\(rankTestScore[i])",
      ]
      if let meanTrainScore, let stdTrainScore {
        row += [
          String(format: "%.4f", meanTrainScore[i]), String(format: "%.4f", stdTrainScore[i]),
        ]
      }
      row += [String(format: "%.4f", meanFitTime[i])]
      rows.append(row)
    }
    var widths = header.map(\.count)
    for row in rows { for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.count) } }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { j, cell in
        let pad = String(repeating: " ", count: widths[j] - cell.count)
        return j < leftCount ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
    return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
  }

  /// The whole table as CSV (RFC 4180 quoting): a header of ``columnNames`` and one line per
  /// candidate, numbers in shortest round-trip form so they parse back exactly.
  ///
  /// - Parameter separator: The field separator (default `","`).
  /// - Returns: The CSV text, ending with a newline.
  /// - Complexity: O(candidates × columns).
  public func csv(separator: String = ",") -> String {
    func quote(_ s: String) -> String {
      guard s.contains(separator) || s.contains("\"") || s.contains("\n") else { return s }
      return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    var lines = [columnNames.map(quote).joined(separator: separator)]
    for i in 0..<candidateCount {
      lines.append(cells(i, digits: nil).map(quote).joined(separator: separator))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// A progress report from a running search.
///
/// Delivered to the search's progress handler after each (candidate, split) fit, from a worker
/// thread; reports are serialized and ``completed`` increases.
public struct SearchProgress: Sendable, Hashable {
  /// Fits finished so far (candidates × splits, plus the halving iterations' fits).
  public let completed: Int
  /// Fits planned in total (for Bayesian and halving searches, known up front as well).
  public let total: Int
  /// Seconds since the search started.
  public let elapsed: Double
  /// The best mean test score among fully evaluated candidates so far; `nil` before the
  /// first candidate is complete.
  public let bestScore: Double?
  /// The display values of that best candidate, keyed by parameter name.
  public let bestParameters: [String: String]?
}

/// The outcome of a search: the results table, the best candidate and, when refitted, the best
/// model fitted on all the data.
///
/// scikit-learn: the fitted `GridSearchCV` attributes `cv_results_`, `best_index_`,
/// `best_score_`, `best_params_`, `best_estimator_`, `refit_time_`, `n_splits_`.
public struct SearchResult<E: SupervisedEstimator>: Sendable {
  /// Every candidate's scores and timings.
  public let results: SearchResults
  /// The row of the best candidate in ``results``.
  public let bestIndex: Int
  /// The best candidate's mean test score (`best_score_`).
  public let bestScore: Double
  /// The best candidate's parameter values as text, keyed by display name (`best_params_`).
  public let bestParameters: [String: String]
  /// The estimator configured with the best parameters (unfitted).
  public let bestCandidate: E
  /// The best candidate fitted on all the data (`best_estimator_`); `nil` when `refit` is
  /// `false`.
  public let bestModel: E.Fitted?
  /// Seconds spent refitting the best candidate (`refit_time_`); 0 without refit.
  public let refitTime: Double
  /// The number of cross-validation splits (`n_splits_`).
  public let splitCount: Int
  /// The seed the randomized searches used (the given one, or the one drawn when `seed` was
  /// `nil`); `nil` for grid searches.
  public let seedUsed: UInt64?
}
