// Links that open an address in a map. Android hands a `geo:` URI to whatever
// map app the person uses (and it works offline with downloaded maps); other
// platforms do not understand `geo:` reliably, so they get an OpenStreetMap
// search page (no tracking, no account).

export interface MapAddress {
  address?: string | null
  postcode?: string | null
  /** Defaults to Paris: every structure of the programme is in Paris. */
  city?: string | null
}

/** "4 rue Affre, 75018 Paris"; null when there is no street address. */
export function mapQuery({ address, postcode, city = 'Paris' }: MapAddress): string | null {
  const street = address?.trim()
  if (!street)
    return null
  const place = [postcode?.trim(), city?.trim()].filter(Boolean).join(' ')
  return place && !street.toLowerCase().includes(place.toLowerCase()) ? `${street}, ${place}` : street
}

export function geoUri(query: string): string {
  return `geo:0,0?q=${encodeURIComponent(query)}`
}

export function webMapUrl(query: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`
}

export function isAndroid(userAgent: string | null | undefined): boolean {
  return /\bandroid\b/i.test(userAgent ?? '')
}

export interface MapLink {
  href: string
  /** `geo:` links open an app; web links open a new tab. */
  kind: 'geo' | 'web'
}

/** The map link for this platform, or null when there is no address. */
export function mapLink(address: MapAddress, userAgent: string | null | undefined): MapLink | null {
  const query = mapQuery(address)
  if (!query)
    return null
  return isAndroid(userAgent) ? { href: geoUri(query), kind: 'geo' } : { href: webMapUrl(query), kind: 'web' }
}
