// The umbrella module: `import SwiftLearn` brings in every public module. Nothing else lives here.
@_exported import DataFrame
@_exported import Datasets
@_exported import Estimators
@_exported import LinearAlgebra
@_exported import Metrics
@_exported import ModelSelection
@_exported import Pipeline
@_exported import Preprocessing
@_exported import SwiftLearnCore
