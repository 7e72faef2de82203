import Foundation

// One-dimensional minimizers that follow scipy.optimize step for step, so maximum-likelihood
// estimates (the power transforms' lambdas) agree with scipy's to rounding: `bracket`, Brent's
// method (`optimize.brent`) and the bounded golden-section/parabolic search
// (`optimize.fminbound`). Written from the published algorithms (Brent 1973; Press et al.).

/// scipy's `optimize.bracket` downhill search from `xa`, `xb`; returns a triple with
/// `f(xb) < f(xa)`, `f(xb) < f(xc)`, or `nil` when no bracket is found.
func bracketMinimum(
  _ f: (Double) -> Double, xa startA: Double, xb startB: Double, growLimit: Double = 110,
  maxIterations: Int = 1000
) -> (xa: Double, xb: Double, xc: Double, fb: Double)? {
  let gold = 1.618034
  let verySmall = 1e-21
  var xa = startA
  var xb = startB
  var fa = f(xa)
  var fb = f(xb)
  if fa < fb {
    swap(&xa, &xb)
    swap(&fa, &fb)
  }
  var xc = xb + gold * (xb - xa)
  var fc = f(xc)
  var iteration = 0
  while fc < fb {
    let tmp1 = (xb - xa) * (fb - fc)
    let tmp2 = (xb - xc) * (fb - fa)
    let val = tmp2 - tmp1
    let denominator = abs(val) < verySmall ? 2 * verySmall : 2 * val
    var w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denominator
    let wlim = xb + growLimit * (xc - xb)
    if iteration > maxIterations { return nil }
    iteration += 1
    var fw: Double
    if (w - xc) * (xb - w) > 0 {
      fw = f(w)
      if fw < fc {
        xa = xb
        xb = w
        fa = fb
        fb = fw
        break
      } else if fw > fb {
        xc = w
        fc = fw
        break
      }
      w = xc + gold * (xc - xb)
      fw = f(w)
    } else if (w - wlim) * (wlim - xc) >= 0 {
      w = wlim
      fw = f(w)
    } else if (w - wlim) * (xc - w) > 0 {
      fw = f(w)
      if fw < fc {
        xb = xc
        xc = w
        w = xc + gold * (xc - xb)
        fb = fc
        fc = fw
        fw = f(w)
      }
    } else {
      w = xc + gold * (xc - xb)
      fw = f(w)
    }
    xa = xb
    xb = xc
    xc = w
    fa = fb
    fb = fc
    fc = fw
  }
  let ordered = (xa < xb && xb < xc) || (xc < xb && xb < xa)
  let lower = (fb < fc && fb <= fa) || (fb < fa && fb <= fc)
  guard ordered, lower, xa.isFinite, xb.isFinite, xc.isFinite else { return nil }
  return (xa, xb, xc, fb)
}

/// scipy's `optimize.brent` (tolerance 1.48e-8, 500 iterations) started from the bracket
/// search at `(xa, xb)`; `nil` when no bracket exists.
func brentMinimize(
  _ f: (Double) -> Double, xa: Double, xb: Double, tolerance: Double = 1.48e-8,
  maxIterations: Int = 500
) -> Double? {
  guard let br = bracketMinimum(f, xa: xa, xb: xb) else { return nil }
  let minTolerance = 1e-11
  let cg = 0.3819660
  var x = br.xb
  var w = x
  var v = x
  var fx = br.fb
  var fw = fx
  var fv = fx
  var a = min(br.xa, br.xc)
  var b = max(br.xa, br.xc)
  var deltax = 0.0
  var rat = 0.0
  var iteration = 0
  while iteration < maxIterations {
    let tol1 = tolerance * abs(x) + minTolerance
    let tol2 = 2 * tol1
    let xmid = 0.5 * (a + b)
    if abs(x - xmid) < tol2 - 0.5 * (b - a) { break }
    if abs(deltax) <= tol1 {
      deltax = x >= xmid ? a - x : b - x
      rat = cg * deltax
    } else {
      let tmp1 = (x - w) * (fx - fv)
      var tmp2 = (x - v) * (fx - fw)
      var p = (x - v) * tmp2 - (x - w) * tmp1
      tmp2 = 2 * (tmp2 - tmp1)
      if tmp2 > 0 { p = -p }
      tmp2 = abs(tmp2)
      let previous = deltax
      deltax = rat
      if p > tmp2 * (a - x) && p < tmp2 * (b - x) && abs(p) < abs(0.5 * tmp2 * previous) {
        rat = p * 1.0 / tmp2
        let u = x + rat
        if u - a < tol2 || b - u < tol2 { rat = xmid - x >= 0 ? tol1 : -tol1 }
      } else {
        deltax = x >= xmid ? a - x : b - x
        rat = cg * deltax
      }
    }
    let u: Double
    if abs(rat) < tol1 {
      u = rat >= 0 ? x + tol1 : x - tol1
    } else {
      u = x + rat
    }
    let fu = f(u)
    if fu > fx {
      if u < x { a = u } else { b = u }
      if fu <= fw || w == x {
        v = w
        w = u
        fv = fw
        fw = fu
      } else if fu <= fv || v == x || v == w {
        v = u
        fv = fu
      }
    } else {
      if u >= x { a = x } else { b = x }
      v = w
      w = x
      x = u
      fv = fw
      fw = fx
      fx = fu
    }
    iteration += 1
  }
  return x
}

/// scipy's `optimize.fminbound` (bounded Brent search on `[lower, upper]`, 500 evaluations).
func boundedMinimize(
  _ f: (Double) -> Double, lower: Double, upper: Double, xatol: Double = 1e-5,
  maxEvaluations: Int = 500
) -> Double {
  let sqrtEps = (2.2e-16).squareRoot()
  let goldenMean = 0.5 * (3.0 - 5.0.squareRoot())
  var a = lower
  var b = upper
  var fulc = a + goldenMean * (b - a)
  var nfc = fulc
  var xf = fulc
  var rat = 0.0
  var e = 0.0
  var x = xf
  var fx = f(x)
  var evaluations = 1
  var ffulc = fx
  var fnfc = fx
  var xm = 0.5 * (a + b)
  var tol1 = sqrtEps * abs(xf) + xatol / 3.0
  var tol2 = 2.0 * tol1
  while abs(xf - xm) > tol2 - 0.5 * (b - a) {
    var golden = true
    if abs(e) > tol1 {
      golden = false
      var r = (xf - nfc) * (fx - ffulc)
      var q = (xf - fulc) * (fx - fnfc)
      var p = (xf - fulc) * q - (xf - nfc) * r
      q = 2.0 * (q - r)
      if q > 0 { p = -p }
      q = abs(q)
      r = e
      e = rat
      if abs(p) < abs(0.5 * q * r) && p > q * (a - xf) && p < q * (b - xf) {
        rat = (p + 0.0) / q
        x = xf + rat
        if x - a < tol2 || b - x < tol2 {
          let si: Double = (xm - xf) > 0 ? 1 : ((xm - xf) < 0 ? -1 : 1)
          rat = tol1 * si
        }
      } else {
        golden = true
      }
    }
    if golden {
      e = xf >= xm ? a - xf : b - xf
      rat = goldenMean * e
    }
    let si: Double = rat > 0 ? 1 : (rat < 0 ? -1 : 1)
    x = xf + si * max(abs(rat), tol1)
    let fu = f(x)
    evaluations += 1
    if fu <= fx {
      if x >= xf { a = xf } else { b = xf }
      fulc = nfc
      ffulc = fnfc
      nfc = xf
      fnfc = fx
      xf = x
      fx = fu
    } else {
      if x < xf { a = x } else { b = x }
      if fu <= fnfc || nfc == xf {
        fulc = nfc
        ffulc = fnfc
        nfc = x
        fnfc = fu
      } else if fu <= ffulc || fulc == xf || fulc == nfc {
        fulc = x
        ffulc = fu
      }
    }
    xm = 0.5 * (a + b)
    tol1 = sqrtEps * abs(xf) + xatol / 3.0
    tol2 = 2.0 * tol1
    if evaluations >= maxEvaluations { break }
  }
  return xf
}
