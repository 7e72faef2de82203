// Shim over the system CBLAS and LAPACKE headers (Debian: libopenblas-dev, liblapacke-dev).
// Only the LinearAlgebra module imports this.
#ifndef SWIFTLEARN_CBLAS_SHIM_H
#define SWIFTLEARN_CBLAS_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
