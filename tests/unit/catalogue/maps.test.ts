import { describe, expect, it } from 'vitest'
import { geoUri, isAndroid, mapLink, mapQuery, webMapUrl } from '@/domain/maps'

const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36'
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'

describe('maps', () => {
  it('writes the full address once', () => {
    expect(mapQuery({ address: '4 rue Affre', postcode: '75018' })).toBe('4 rue Affre, 75018 Paris')
    expect(mapQuery({ address: '4 rue Affre' })).toBe('4 rue Affre, Paris')
    expect(mapQuery({ address: '4 rue Affre, 75018 Paris', postcode: '75018' })).toBe('4 rue Affre, 75018 Paris')
    expect(mapQuery({ address: '  ' })).toBeNull()
  })

  it('encodes the address in a geo: URI and an OpenStreetMap search URL', () => {
    expect(geoUri('4 rue Affre, 75018 Paris')).toBe('geo:0,0?q=4%20rue%20Affre%2C%2075018%20Paris')
    expect(webMapUrl('Place d’Italie & co')).toBe('https://www.openstreetmap.org/search?query=Place%20d%E2%80%99Italie%20%26%20co')
  })

  it('chooses geo: on Android and the web map elsewhere', () => {
    expect(isAndroid(ANDROID)).toBe(true)
    expect(isAndroid(IPHONE)).toBe(false)
    expect(mapLink({ address: '4 rue Affre', postcode: '75018' }, ANDROID)).toEqual({ kind: 'geo', href: 'geo:0,0?q=4%20rue%20Affre%2C%2075018%20Paris' })
    expect(mapLink({ address: '4 rue Affre', postcode: '75018' }, IPHONE)?.kind).toBe('web')
    expect(mapLink({ address: '4 rue Affre', postcode: '75018' }, DESKTOP)?.href).toBe('https://www.openstreetmap.org/search?query=4%20rue%20Affre%2C%2075018%20Paris')
    expect(mapLink({ address: '4 rue Affre' }, null)?.kind).toBe('web')
    expect(mapLink({ address: null }, ANDROID)).toBeNull()
  })
})
