/// `TypeName(param: value, ...)` listing only the stored properties of `estimator` whose
/// printed value differs from the one in `defaults` (scikit-learn's `repr` with
/// `print_changed_only=True`).
///
/// Works by reflection over stored properties, so a new hyperparameter is described without
/// extra code. Generic arguments are dropped from the type name.
public func describeHyperparameters<E>(of estimator: E, defaults: E) -> String {
  let name = estimatorTypeName(E.self)
  let current = Mirror(reflecting: estimator).children
  let reference = Mirror(reflecting: defaults).children
  var parts: [String] = []
  for (child, base) in zip(current, reference) {
    guard let label = child.label else { continue }
    let value = render(child.value)
    if value != render(base.value) {
      parts.append("\(label.hasPrefix("_") ? String(label.dropFirst()) : label): \(value)")
    }
  }
  return "\(name)(\(parts.joined(separator: ", ")))"
}

/// The type's name without module qualification or generic arguments: `LinearRegression`.
public func estimatorTypeName<T>(_ type: T.Type) -> String {
  var name = String(describing: type)
  if let angle = name.firstIndex(of: "<") { name = String(name[..<angle]) }
  return name
}

private func render(_ value: Any) -> String {
  let mirror = Mirror(reflecting: value)
  if mirror.displayStyle == .optional {
    guard let wrapped = mirror.children.first else { return "nil" }
    return render(wrapped.value)
  }
  if let string = value as? String { return "\"\(string)\"" }
  if mirror.displayStyle == .enum { return ".\(value)" }
  return String(describing: value)
}
