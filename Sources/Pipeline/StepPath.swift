import SwiftLearnCore

/// A step of a composite estimator (a pipeline step, a column-transformer branch, a
/// feature-union member), addressed by a writable key path and shown under a display name.
///
/// Hyperparameters of steps are named from the step names, the way scikit-learn's
/// `set_params` keys are, but typed: ``parameter(_:_:)`` joins the step's key path with the
/// parameter's and its name with the parameter's name.
///
///     let pipeline = Pipeline { Named("scaler", StandardScaler()); Ridge() }
///     let withMean = pipeline.step(\.first).parameter(\.withMean, "withMean")
///     withMean.name            // "scaler.withMean"
///     withMean.keyPath         // \Pipeline<StandardScaler, Ridge>.first.withMean
public struct StepPath<Root, Step>: @unchecked Sendable {
  // Key paths are immutable values; `@unchecked` only because `WritableKeyPath` is not
  // declared `Sendable` for every `Root`/`Step`, and `Step` values are estimators (Sendable).

  /// The key path from the root estimator to the step.
  public let keyPath: WritableKeyPath<Root, Step>
  /// The step's display name, dotted through nesting (`"columns.numeric"`).
  public let name: String
  /// The step as it is in the root estimator (used to name nested steps).
  public let current: Step

  /// Addresses `keyPath` under `name`.
  ///
  /// - Parameters:
  ///   - keyPath: The key path from the root to the step.
  ///   - name: The display name.
  ///   - current: The step's current value.
  public init(_ keyPath: WritableKeyPath<Root, Step>, name: String, current: Step) {
    self.keyPath = keyPath
    self.name = name
    self.current = current
  }

  /// A hyperparameter of the step, named `"<step>.<parameter>"`.
  ///
  /// - Parameters:
  ///   - keyPath: The key path from the step to the hyperparameter.
  ///   - parameterName: The hyperparameter's display name (its Swift property name).
  /// - Returns: The hyperparameter addressed from the root estimator.
  public func parameter<Value>(_ keyPath: WritableKeyPath<Step, Value>, _ parameterName: String)
    -> HyperparameterPath<Root, Value>
  {
    HyperparameterPath(self.keyPath.appending(path: keyPath), name: name + "." + parameterName)
  }
}

extension StepPath where Step: StepContainer {
  /// A step nested in this one (a branch of a column transformer inside a pipeline, say),
  /// named `"<this>.<inner>"`.
  ///
  /// - Parameter keyPath: The key path from this step to the inner step.
  /// - Returns: The inner step addressed from the root estimator.
  public func step<Inner>(_ keyPath: WritableKeyPath<Step, Inner>) -> StepPath<Root, Inner> {
    let inner = current.step(keyPath)
    return StepPath<Root, Inner>(
      self.keyPath.appending(path: keyPath), name: name + "." + inner.name,
      current: inner.current)
  }
}

/// A composite estimator whose parts have display names: `Pipeline`, `ColumnTransformer`,
/// `FeatureUnion`, `FramePipeline`, `Resampled`.
public protocol StepContainer {
  /// The key paths of the named parts, relative to `self`, with their names, in order.
  var namedSteps: [(keyPath: AnyKeyPath, name: String)] { get }
}

extension StepContainer {
  /// The names of the parts, in order (scikit-learn's `named_steps.keys()`).
  public var stepNames: [String] { namedSteps.map(\.name) }

  /// A part addressed by key path and named by its display name; a key path that is not one
  /// of ``namedSteps`` (a nested pipeline, say) is named after its type.
  ///
  /// - Parameter keyPath: The key path from `self` to the part.
  /// - Returns: The part's ``StepPath``.
  public func step<S>(_ keyPath: WritableKeyPath<Self, S>) -> StepPath<Self, S> {
    let steps = namedSteps
    let target = keyPath as AnyKeyPath
    // A key path literal to a stored property of a type without storage (a step with no
    // hyperparameters, such as `DropColumns`) can come out with a wrong offset (seen with
    // Swift 6.3 on Linux) and then compares unequal; such a step is found by its type when
    // that type is unique among the steps.
    let sameType = steps.filter { type(of: $0.keyPath).valueType == S.self }
    let name =
      steps.first { $0.keyPath == target }?.name
      ?? (sameType.count == 1 ? sameType.first?.name : nil)
      ?? defaultStepName(S.self)
    return StepPath(keyPath, name: name, current: self[keyPath: keyPath])
  }
}

/// scikit-learn's `make_pipeline` step name: the type name in lower case.
func defaultStepName<T>(_ type: T.Type) -> String {
  estimatorTypeName(type).lowercased()
}

/// The first name that occurs twice, if any.
func firstRepeatedName(_ names: [String]) -> String? {
  var seen: Set<String> = []
  for name in names where !seen.insert(name).inserted { return name }
  return nil
}

/// Gives repeated default names scikit-learn's suffixes (`"standardscaler-1"`,
/// `"standardscaler-2"`); explicit names are left as they are.
func deduplicated(_ steps: [(keyPath: AnyKeyPath, name: String, isDefault: Bool)]) -> [(
  keyPath: AnyKeyPath, name: String
)] {
  var counts: [String: Int] = [:]
  for step in steps where step.isDefault { counts[step.name, default: 0] += 1 }
  var used: [String: Int] = [:]
  return steps.map { step in
    guard step.isDefault, (counts[step.name] ?? 0) > 1 else { return (step.keyPath, step.name) }
    used[step.name, default: 0] += 1
    return (step.keyPath, "\(step.name)-\(used[step.name] ?? 1)")
  }
}

/// A composite whose nested copies of itself are transparent: their steps count as the
/// outer composite's steps (a left-nested pipeline built by the result builder).
protocol FlatteningSteps {
  /// The steps with whether each name is a default one, relative to `self`.
  var flatSteps: [(keyPath: AnyKeyPath, name: String, isDefault: Bool)] { get }
}

/// The steps of one side of a two-part composite, flattened when the part is transparent.
func sideSteps<Root, Part>(
  _ keyPath: WritableKeyPath<Root, Part>, _ part: Part, name: String?
) -> [(keyPath: AnyKeyPath, name: String, isDefault: Bool)] {
  if name == nil, let nested = part as? any FlatteningSteps {
    return nested.flatSteps.compactMap { inner in
      guard let joined = (keyPath as AnyKeyPath).appending(path: inner.keyPath) else {
        return nil
      }
      return (joined, inner.name, inner.isDefault)
    }
  }
  return [(keyPath, name ?? defaultStepName(Part.self), name == nil)]
}

extension Pipeline: FlatteningSteps {
  var flatSteps: [(keyPath: AnyKeyPath, name: String, isDefault: Bool)] {
    sideSteps(\Self.first, first, name: firstName) + sideSteps(\Self.last, last, name: lastName)
  }
}

extension Pipeline: StepContainer {
  /// Every step, flattened through nested pipelines, with scikit-learn's default names
  /// (lowercased type names, `-1`, `-2` suffixes for repeats) where none was given.
  public var namedSteps: [(keyPath: AnyKeyPath, name: String)] { deduplicated(flatSteps) }
}

/// A step with a display name, for the result builders: `Named("scaler", StandardScaler())`.
///
/// scikit-learn: the `(name, estimator)` tuples of `Pipeline(steps=...)`.
public struct Named<Step: Estimator>: Sendable {
  /// The display name.
  public var name: String?
  /// The step.
  public var step: Step

  /// Names `step`.
  ///
  /// - Parameters:
  ///   - name: The display name.
  ///   - step: The step.
  public init(_ name: String, _ step: Step) {
    self.name = name
    self.step = step
  }

  init(unnamed step: Step) {
    self.name = nil
    self.step = step
  }
}
