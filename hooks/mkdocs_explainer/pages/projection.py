"""The Lambert conformal conic projection (ellipsoid or sphere), for maps drawn at build time.

Conformal, so shapes and bearings look right, and suited to mid-latitude regions wide in longitude,
like a country that spans a continent from west to east. Formulas 15-1 to 15-9 of Snyder, *Map Projections: A Working
Manual* (USGS Professional Paper 1395, 1987), pp. 107-108; the tests check his worked examples.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

MIN_PARALLEL_SUM = 0.5
"""Degrees: standard parallels closer than this to mirroring each other about the equator are moved north."""
WGS84 = (6_378_137.0, 1 / 298.257223563)
"""Semi-major axis in metres and flattening of the WGS 84 ellipsoid, which GPS coordinates use."""


@dataclass(frozen=True)
class LambertConic:
    """A cone cutting the ellipsoid along two standard parallels; x grows east, y north, in metres."""

    parallel_1: float
    parallel_2: float
    origin_lat: float
    central_lon: float
    a: float = WGS84[0]
    flattening: float = WGS84[1]
    n: float = field(init=False, compare=False)
    """The cone's constant (15-8), derived from the parallels."""
    _e: float = field(init=False, compare=False, repr=False)
    _af: float = field(init=False, compare=False, repr=False)
    _rho0: float = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if math.isclose(self.parallel_1, self.parallel_2):
            raise ValueError("give two different standard parallels")
        e = math.sqrt(self.flattening * (2 - self.flattening))  # eccentricity
        m1, m2 = self._m(self.parallel_1, e), self._m(self.parallel_2, e)
        t1, t2 = self._t(self.parallel_1, e), self._t(self.parallel_2, e)
        n = (math.log(m1) - math.log(m2)) / (math.log(t1) - math.log(t2))  # (15-8): the cone's constant
        big_f = m1 / (n * t1**n)  # (15-10)
        object.__setattr__(self, "_e", e)
        object.__setattr__(self, "n", n)
        object.__setattr__(self, "_af", self.a * big_f)
        object.__setattr__(self, "_rho0", self.a * big_f * self._t(self.origin_lat, e) ** n)  # (15-7a)

    @staticmethod
    def _m(lat: float, e: float) -> float:
        """(14-15): the parallel's radius, in units of the semi-major axis."""
        phi = math.radians(lat)
        return math.cos(phi) / math.sqrt(1 - (e * math.sin(phi)) ** 2)

    @staticmethod
    def _t(lat: float, e: float) -> float:
        """(15-9): a function of the conformal latitude; e = 0 gives the sphere's tan(45° - φ/2)."""
        phi = math.radians(lat)
        es = e * math.sin(phi)
        return float(math.tan(math.pi / 4 - phi / 2) / ((1 - es) / (1 + es)) ** (e / 2))

    def forward(self, lat: float, lon: float) -> tuple[float, float]:
        """(15-1)-(15-3): degrees of latitude and longitude to x, y in metres from the origin."""
        return self.forward_from_centre(lat, (lon - self.central_lon + 180) % 360 - 180)  # (14-4)

    def forward_from_centre(self, lat: float, east: float) -> tuple[float, float]:
        """Like `forward`, for a point `east` degrees east of the central meridian, not wrapped to ±180: an
        outline that runs past the meridian opposite the centre stays in one piece instead of jumping across."""
        rho = self._af * self._t(lat, self._e) ** self.n  # (15-7)
        theta = self.n * math.radians(east)
        return rho * math.sin(theta), self._rho0 - rho * math.cos(theta)

    def inverse(self, x: float, y: float) -> tuple[float, float]:
        """(14-10), (15-9), (15-11), (7-9): x, y in metres back to latitude and degrees east of the central
        meridian (unwrapped). The pole of the cone's side gives 90 (or -90)."""
        sign = 1.0 if self.n > 0 else -1.0
        rho = sign * math.hypot(x, self._rho0 - y)
        theta = math.atan2(sign * x, sign * (self._rho0 - y))
        if rho == 0:
            return sign * 90.0, 0.0
        t = (rho / self._af) ** (1 / self.n)
        phi = math.pi / 2 - 2 * math.atan(t)
        for _ in range(15):  # converges to 1e-10 in a few steps
            es = self._e * math.sin(phi)
            phi = math.pi / 2 - 2 * math.atan(t * ((1 - es) / (1 + es)) ** (self._e / 2))
        return math.degrees(phi), math.degrees(theta / self.n)

    def scale_factor(self, lat: float) -> float:
        """(15-4): how much the map stretches distances along a parallel at `lat` (1 on the standard ones)."""
        return float(self._af * self.n * self._t(lat, self._e) ** self.n / (self.a * self._m(lat, self._e)))

    @classmethod
    def for_region(cls, south: float, north: float, west: float, east: float) -> LambertConic:
        """A cone fitted to a latitude band: standard parallels a sixth inside each edge (a common
        rule of thumb; Snyder p. 105), centred on the region's middle meridian."""
        span = north - south
        first, second = south + span / 6, north - span / 6
        if abs(first + second) < MIN_PARALLEL_SUM:
            # Parallels mirrored about the equator make the cone a cylinder (n = 0), which this formula cannot
            # draw: tilt it slightly, which changes the map by less than its rounding.
            first, second = first + MIN_PARALLEL_SUM, second + MIN_PARALLEL_SUM
        return cls(first, second, south, (west + east) / 2)
