// Renders a booklet body (Markdown) as Vue elements, never as an HTML string:
// text goes through Vue's escaping, raw HTML in the source is dropped, and each
// link is checked (classifyLink) — app routes become router links, unsafe
// schemes become plain text. No v-html, so nothing needs sanitising.
import type { Token, Tokens } from 'marked'
import type { VNode, VNodeArrayChildren } from 'vue'
import { computed, defineComponent, h } from 'vue'
import { useI18n } from 'vue-i18n'
import { RouterLink } from 'vue-router'
import { classifyLink, decodeEntities, headingAnchor } from '@/domain/booklet'
import { inlineText, lexMarkdown } from '@/domain/bookletMarkdown'

type Child = VNode | string

export default defineComponent({
  name: 'BookletMarkdown',
  props: {
    body: { type: String, required: true },
    /** Section slug, to give headings stable ids (deep links). */
    slug: { type: String, required: true },
    /** Level of the section title: body headings start one level below. */
    headingLevel: { type: Number, default: 2 },
  },
  setup(props) {
    const { t } = useI18n()
    const tokens = computed(() => lexMarkdown(props.body))

    function inline(list: readonly Token[] | undefined): Child[] {
      const out: Child[] = []
      for (const token of list ?? []) {
        switch (token.type) {
          case 'strong':
            out.push(h('strong', inline((token as Tokens.Strong).tokens)))
            break
          case 'em':
            out.push(h('em', inline((token as Tokens.Em).tokens)))
            break
          case 'del':
            out.push(h('del', inline((token as Tokens.Del).tokens)))
            break
          case 'codespan':
            out.push(h('code', decodeEntities((token as Tokens.Codespan).text)))
            break
          case 'br':
            out.push(h('br'))
            break
          case 'link':
            out.push(...link(token as Tokens.Link))
            break
          case 'image':
            // Offline-first: no remote images; the description stays.
            out.push((token as Tokens.Image).text)
            break
          case 'html':
            break
          default: {
            const nested = (token as { tokens?: Token[] }).tokens
            out.push(...(nested ? inline(nested) : [decodeEntities((token as { text?: string }).text ?? '')]))
          }
        }
      }
      return out
    }

    function link(token: Tokens.Link): Child[] {
      const children = inline(token.tokens)
      const target = classifyLink(token.href)
      switch (target.kind) {
        case 'route':
          return [h(RouterLink, { to: target.to }, () => children)]
        case 'contact':
          return [h('a', { href: target.href, dir: 'auto' }, children)]
        case 'external':
          return [h('a', { href: target.href, target: '_blank', rel: 'noopener noreferrer' }, [
            ...children,
            h('span', { class: 'visually-hidden' }, ` ${t('booklet.section.new_window')}`),
          ])]
        default:
          return children
      }
    }

    function blocks(list: readonly Token[], used: Map<string, number>): VNodeArrayChildren {
      const out: VNodeArrayChildren = []
      for (const token of list) {
        switch (token.type) {
          case 'heading': {
            const heading = token as Tokens.Heading
            const level = Math.min(6, Math.max(props.headingLevel + 1, heading.depth))
            let id = headingAnchor(props.slug, inlineText(heading.tokens))
            const seen = used.get(id) ?? 0
            used.set(id, seen + 1)
            if (seen)
              id = `${id}-${seen + 1}`
            out.push(h(`h${level}`, { id }, inline(heading.tokens)))
            break
          }
          case 'paragraph':
            out.push(h('p', inline((token as Tokens.Paragraph).tokens)))
            break
          case 'text': {
            const text = token as Tokens.Text
            out.push(...inline(text.tokens ?? [text]))
            break
          }
          case 'list': {
            const list = token as Tokens.List
            const start = list.ordered && typeof list.start === 'number' && list.start !== 1 ? list.start : undefined
            out.push(h(list.ordered ? 'ol' : 'ul', { start }, list.items.map(item => h('li', blocks(item.tokens, used)))))
            break
          }
          case 'blockquote':
            out.push(h('blockquote', blocks((token as Tokens.Blockquote).tokens, used)))
            break
          case 'code':
            out.push(h('pre', h('code', (token as Tokens.Code).text)))
            break
          case 'hr':
            out.push(h('hr'))
            break
          case 'table': {
            const table = token as Tokens.Table
            out.push(h('table', [
              h('thead', h('tr', table.header.map(cell => h('th', { scope: 'col' }, inline(cell.tokens))))),
              h('tbody', table.rows.map(row => h('tr', row.map(cell => h('td', inline(cell.tokens)))))),
            ]))
            break
          }
          default:
            // space, html and anything unknown: nothing to show.
            break
        }
      }
      return out
    }

    return () => h('div', { class: 'booklet-markdown' }, blocks(tokens.value, new Map()))
  },
})
