// Frappe's data, copied as data (see utils_sanitize_html_lists.h).
#include "scripting/utils_sanitize_html_lists.h"

#include <cctype>
#include <sstream>

namespace quire::scripting {
namespace {

std::unordered_set<std::string> words(const char* text, bool lower = false) {
  std::unordered_set<std::string> out;
  std::istringstream in(text);
  std::string word;
  while (in >> word) {
    if (lower)
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.insert(word);
  }
  return out;
}

// acceptable_elements + svg_elements + mathml_elements + the extra names
// sanitize_html adds (html head meta link body style o:p).
const char* const kTags =
    "a abbr acronym address area article aside audio b big blockquote br button canvas caption "
    "center cite code col colgroup command datagrid datalist dd del details dfn dialog dir div "
    "dl dt em event-source fieldset figcaption figure footer font form header h1 h2 h3 h4 h5 h6 "
    "hr i img input ins keygen kbd label legend li m map mark menu meter multicol nav nextid ol "
    "output optgroup option p pre progress q s samp section select small sound source spacer "
    "span strike strong sub summary sup table tbody td textarea time tfoot th thead tr tt u ul "
    "var video "
    "maction math merror mfrac mi mmultiscripts mn mo mover mpadded mphantom mprescripts mroot "
    "mrow mspace msqrt mstyle msub msubsup msup mtable mtd mtext mtr munder munderover none "
    "animate animateColor animateMotion animateTransform clipPath circle defs desc ellipse "
    "font-face font-face-name font-face-src g glyph hkern linearGradient line marker metadata "
    "missing-glyph mpath path polygon polyline radialGradient rect set stop svg switch text "
    "title tspan use "
    "html head meta link body style o:p";

// acceptable_attributes (plus http-equiv and emogrify, which _attr_filter
// allows by name).
const char* const kAttributes =
    "abbr accept accept-charset accesskey action align alt autocomplete autofocus axis "
    "background balance bgcolor bgproperties border bordercolor bordercolordark "
    "bordercolorlight bottompadding cellpadding cellspacing ch challenge char charoff choff "
    "charset checked cite class clear color cols colspan compact content contenteditable "
    "controls coords data datafld datapagesize datasrc datetime default delay dir disabled "
    "draggable dynsrc enctype end face for form frame galleryimg gutter headers height "
    "hidefocus hidden high href hreflang hspace icon id inputmode ismap keytype label "
    "leftspacing lang list longdesc loop loopcount loopend loopstart low lowsrc max maxlength "
    "media method min multiple name nohref noshade nowrap open optimum pattern ping point-size "
    "poster pqg preload prompt radiogroup readonly rel repeat-max repeat-min replace required "
    "rev rightspacing rows rowspan rules scope selected shape size span src start step style "
    "summary suppress tabindex target template title toppadding type unselectable usemap urn "
    "valign value variable volume vspace vrml width wrap xml:lang data-row data-list "
    "data-language data-value role frameborder allowfullscreen spellcheck data-mode data-gramm "
    "data-placeholder data-comment data-id data-denotation-char itemprop itemscope itemtype "
    "itemid itemref data-is-group http-equiv emogrify";

const char* const kSvgAttributes =
    "accent-height accumulate additive alphabetic arabic-form ascent attributeName "
    "attributeType baseProfile bbox begin by calcMode cap-height class clip-path color "
    "color-rendering content colwidth cx cy d dx dy descent display dur end fill fill-opacity "
    "fill-rule font-family font-size font-stretch font-style font-variant font-weight from fx "
    "fy g1 g2 glyph-name gradientUnits hanging height horiz-adv-x horiz-origin-x id ideographic "
    "k keyPoints keySplines keyTimes lang marker-end marker-mid marker-start markerHeight "
    "markerUnits markerWidth mathematical max min name offset opacity orient origin "
    "overline-position overline-thickness panose-1 path pathLength points preserveAspectRatio r "
    "refX refY repeatCount repeatDur requiredExtensions requiredFeatures restart rotate rx ry "
    "slope stemh stemv stop-color stop-opacity strikethrough-position strikethrough-thickness "
    "stroke stroke-dasharray stroke-dashoffset stroke-linecap stroke-linejoin stroke-miterlimit "
    "stroke-opacity stroke-width systemLanguage target text-anchor to transform type u1 u2 "
    "underline-position underline-thickness unicode unicode-range units-per-em values version "
    "viewBox visibility width widths x x-height x1 x2 xlink:actuate xlink:arcrole xlink:href "
    "xlink:role xlink:show xlink:title xlink:type xml:base xml:lang xml:space xmlns xmlns:xlink "
    "y y1 y2 zoomAndPan";

// bleach_allowlist.all_styles (standard_styles + all_prefixed_styles): the
// entries that can be a declaration's name (the list also holds selectors,
// functions and value types, which no declaration can match).
const char* const kCssProperties =
    "align-content align-items align-self all animation animation-delay animation-direction "
    "animation-duration animation-fill-mode animation-iteration-count animation-name "
    "animation-play-state animation-timing-function backface-visibility background "
    "background-attachment background-blend-mode background-clip background-color "
    "background-image background-origin background-position background-repeat background-size "
    "border border-bottom border-bottom-color border-bottom-left-radius "
    "border-bottom-right-radius border-bottom-style border-bottom-width border-collapse "
    "border-color border-image border-image-outset border-image-repeat border-image-slice "
    "border-image-source border-image-width border-left border-left-color border-left-style "
    "border-left-width border-radius border-right border-right-color border-right-style "
    "border-right-width border-spacing border-style border-top border-top-color "
    "border-top-left-radius border-top-right-radius border-top-style border-top-width "
    "border-width bottom box-decoration-break box-shadow box-sizing break-after break-before "
    "break-inside caption-side ch clear clip clip-path cm color columns column-count "
    "column-fill column-gap column-rule column-rule-color column-rule-style column-rule-width "
    "column-span column-width content counter-increment counter-reset cursor deg direction "
    "display dpcm dpi dppx em empty-cells ex filter flex flex-basis flex-direction flex-flow "
    "flex-grow flex-shrink flex-wrap float font font-family font-feature-settings "
    "font-kerning font-language-override font-size font-size-adjust font-stretch font-style "
    "font-synthesis font-variant font-variant-alternates font-variant-caps "
    "font-variant-east-asian font-variant-ligatures font-variant-numeric "
    "font-variant-position font-weight grad grid grid-area grid-auto-columns grid-auto-flow "
    "grid-auto-position grid-auto-rows grid-column grid-column-start grid-column-end grid-row "
    "grid-row-start grid-row-end grid-template grid-template-areas grid-template-rows "
    "grid-template-columns height hyphens hz image-rendering image-resolution "
    "image-orientation ime-mode in inherit initial isolation justify-content khz left "
    "letter-spacing line-break line-height list-style list-style-image list-style-position "
    "list-style-type margin margin-bottom margin-left margin-right margin-top marks mask "
    "mask-type max-height max-width min-height min-width mix-blend-mode mm ms object-fit "
    "object-position opacity order orphans outline outline-color outline-offset outline-style "
    "outline-width overflow overflow-wrap overflow-x overflow-y padding padding-bottom "
    "padding-left padding-right padding-top page-break-after page-break-before "
    "page-break-inside pc perspective perspective-origin pointer-events position pt px quotes "
    "rad rem resize right ruby-align ruby-merge ruby-position s scroll-behavior "
    "shape-image-threshold shape-margin shape-outside table-layout tab-size text-align "
    "text-align-last text-combine-upright text-decoration text-decoration-color "
    "text-decoration-line text-decoration-style text-indent text-orientation text-overflow "
    "text-rendering text-shadow text-transform text-underline-position top touch-action "
    "transform transform-origin transform-style transition transition-delay "
    "transition-duration transition-property transition-timing-function turn unicode-bidi "
    "unicode-range unset vertical-align vh visibility vmax vmin vw white-space widows width "
    "will-change word-break word-spacing word-wrap writing-mode z-index "
    // all_prefixed_styles: the unprefixed names it adds, then the prefixed ones.
    "justify-self mask-source-type perspective-origin-x perspective-origin-y text-emphasis "
    "text-emphasis-color text-emphasis-position text-emphasis-style text-justify "
    "transform-origin-x transform-origin-y transform-origin-z "
    "-ms-accelerator -webkit-app-region -webkit-appearance -moz-appearance "
    "-webkit-aspect-ratio -webkit-backdrop-filter -webkit-backface-visibility "
    "-webkit-background-composite -moz-binding -ms-block-progression -webkit-border-after "
    "-webkit-border-after-color -webkit-border-after-style -webkit-border-after-width "
    "-webkit-border-before -webkit-border-before-color -webkit-border-before-style "
    "-webkit-border-before-width -moz-border-bottom-colors -webkit-border-end "
    "-moz-border-end -webkit-border-end-color -moz-border-end-color -webkit-border-end-style "
    "-moz-border-end-style -webkit-border-end-width -moz-border-end-width -webkit-border-fit "
    "-webkit-border-horizontal-spacing -moz-border-left-colors -moz-border-right-colors "
    "-webkit-border-start -moz-border-start -webkit-border-start-color "
    "-moz-border-start-color -webkit-border-start-style -moz-border-start-style "
    "-webkit-border-start-width -moz-border-start-width -moz-border-top-colors "
    "-webkit-border-vertical-spacing -webkit-box-align -moz-box-align "
    "-webkit-box-decoration-break -webkit-box-direction -moz-box-direction -webkit-box-flex "
    "-moz-box-flex -webkit-box-flex-group -webkit-box-lines -webkit-box-ordinal-group "
    "-moz-box-ordinal-group -webkit-box-orient -moz-box-orient -webkit-box-pack -moz-box-pack "
    "-webkit-box-reflect -webkit-clip-path -webkit-color-correction -webkit-column-axis "
    "-webkit-column-break-after -webkit-column-break-before -webkit-column-break-inside "
    "-webkit-column-count -moz-column-count -moz-column-fill -webkit-column-gap "
    "-moz-column-gap -webkit-column-rule -moz-column-rule -webkit-column-rule-color "
    "-moz-column-rule-color -webkit-column-rule-style -moz-column-rule-style "
    "-webkit-column-rule-width -moz-column-rule-width -webkit-column-span "
    "-webkit-column-width -moz-column-width -webkit-columns -moz-columns "
    "-ms-content-zoom-chaining -ms-content-zoom-limit -ms-content-zoom-limit-max "
    "-ms-content-zoom-limit-min -ms-content-zoom-snap -ms-content-zoom-snap-points "
    "-ms-content-zoom-snap-type -ms-content-zooming -moz-control-character-visibility "
    "-webkit-cursor-visibility -webkit-dashboard-region -webkit-filter -ms-flex-align "
    "-ms-flex-item-align -ms-flex-line-pack -ms-flex-negative -ms-flex-order -ms-flex-pack "
    "-ms-flex-positive -ms-flex-preferred-size -moz-float-edge -webkit-flow-from "
    "-ms-flow-from -webkit-flow-into -ms-flow-into -webkit-font-feature-settings "
    "-webkit-font-kerning -webkit-font-size-delta -webkit-font-smoothing "
    "-webkit-font-variant-ligatures -moz-force-broken-image-icon -webkit-grid "
    "-webkit-grid-area -webkit-grid-auto-columns -webkit-grid-auto-flow "
    "-webkit-grid-auto-rows -webkit-grid-column -ms-grid-column -ms-grid-column-align "
    "-webkit-grid-column-end -ms-grid-column-span -webkit-grid-column-start "
    "-ms-grid-columns -webkit-grid-row -ms-grid-row -ms-grid-row-align -webkit-grid-row-end "
    "-ms-grid-row-span -webkit-grid-row-start -ms-grid-rows -webkit-grid-template "
    "-webkit-grid-template-areas -webkit-grid-template-columns -webkit-grid-template-rows "
    "-ms-high-contrast-adjust -webkit-highlight -webkit-hyphenate-character "
    "-webkit-hyphenate-limit-after -webkit-hyphenate-limit-before -ms-hyphenate-limit-chars "
    "-webkit-hyphenate-limit-lines -ms-hyphenate-limit-lines -ms-hyphenate-limit-zone "
    "-webkit-hyphens -moz-hyphens -ms-hyphens -moz-image-region -ms-ime-align "
    "-webkit-initial-letter -ms-interpolation-mode -webkit-justify-self -webkit-line-align "
    "-webkit-line-box-contain -webkit-line-break -webkit-line-clamp -webkit-line-grid "
    "-webkit-line-snap -webkit-locale -webkit-logical-height -webkit-logical-width "
    "-webkit-margin-after -webkit-margin-after-collapse -webkit-margin-before "
    "-webkit-margin-before-collapse -webkit-margin-bottom-collapse -webkit-margin-collapse "
    "-webkit-margin-end -moz-margin-end -webkit-margin-start -moz-margin-start "
    "-webkit-margin-top-collapse -webkit-marquee -webkit-marquee-direction "
    "-webkit-marquee-increment -webkit-marquee-repetition -webkit-marquee-speed "
    "-webkit-marquee-style -webkit-mask -webkit-mask-box-image -webkit-mask-box-image-outset "
    "-webkit-mask-box-image-repeat -webkit-mask-box-image-slice "
    "-webkit-mask-box-image-source -webkit-mask-box-image-width -webkit-mask-clip "
    "-webkit-mask-composite -webkit-mask-image -webkit-mask-origin -webkit-mask-position "
    "-webkit-mask-position-x -webkit-mask-position-y -webkit-mask-repeat "
    "-webkit-mask-repeat-x -webkit-mask-repeat-y -webkit-mask-size -webkit-mask-source-type "
    "-moz-math-display -moz-math-variant -webkit-max-logical-height "
    "-webkit-max-logical-width -webkit-min-logical-height -webkit-min-logical-width "
    "-webkit-nbsp-mode -moz-orient -moz-osx-font-smoothing -moz-outline-radius "
    "-moz-outline-radius-bottomleft -moz-outline-radius-bottomright "
    "-moz-outline-radius-topleft -moz-outline-radius-topright -webkit-overflow-scrolling "
    "-ms-overflow-style -webkit-padding-after -webkit-padding-before -webkit-padding-end "
    "-moz-padding-end -webkit-padding-start -moz-padding-start -webkit-perspective "
    "-webkit-perspective-origin -webkit-perspective-origin-x -webkit-perspective-origin-y "
    "-webkit-print-color-adjust -webkit-region-break-after -webkit-region-break-before "
    "-webkit-region-break-inside -webkit-region-fragment -webkit-rtl-ordering "
    "-webkit-ruby-position -moz-script-level -moz-script-min-size "
    "-moz-script-size-multiplier -ms-scroll-chaining -ms-scroll-limit -ms-scroll-limit-x-max "
    "-ms-scroll-limit-x-min -ms-scroll-limit-y-max -ms-scroll-limit-y-min -ms-scroll-rails "
    "-webkit-scroll-snap-coordinate -webkit-scroll-snap-destination "
    "-webkit-scroll-snap-points-x -ms-scroll-snap-points-x -webkit-scroll-snap-points-y "
    "-ms-scroll-snap-points-y -webkit-scroll-snap-type -ms-scroll-snap-type "
    "-ms-scroll-snap-x -ms-scroll-snap-y -ms-scroll-translation -ms-scrollbar-3dlight-color "
    "-webkit-shape-image-threshold -webkit-shape-margin -webkit-shape-outside "
    "-moz-stack-sizing -moz-tab-size -webkit-tap-highlight-color -webkit-text-align-last "
    "-moz-text-align-last -webkit-text-combine -ms-text-combine-horizontal "
    "-webkit-text-decoration-color -webkit-text-decoration-line -webkit-text-decoration-skip "
    "-webkit-text-decoration-style -webkit-text-decorations-in-effect -webkit-text-emphasis "
    "-webkit-text-emphasis-color -webkit-text-emphasis-position -webkit-text-emphasis-style "
    "-webkit-text-fill-color -webkit-text-justify -webkit-text-orientation "
    "-webkit-text-security -webkit-text-size-adjust -moz-text-size-adjust "
    "-ms-text-size-adjust -webkit-text-stroke -webkit-text-stroke-color "
    "-webkit-text-stroke-width -webkit-text-underline-position -webkit-touch-callout "
    "-ms-touch-select -webkit-transform -webkit-transform-origin -webkit-transform-origin-x "
    "-webkit-transform-origin-y -webkit-transform-origin-z -webkit-transform-style "
    "-webkit-user-drag -moz-user-focus -moz-user-input -webkit-user-modify -moz-user-modify "
    "-webkit-user-select -moz-user-select -ms-user-select -moz-window-dragging "
    "-moz-window-shadow -ms-wrap-flow -ms-wrap-margin -ms-wrap-through -webkit-writing-mode "
    // bleach's CSSSanitizer also allows its default allowed_svg_properties.
    "fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin "
    "stroke-opacity";

}  // namespace

const SanitizeAllowLists& sanitize_allow_lists() {
  static const SanitizeAllowLists lists{words(kTags),          words(kAttributes),
                                        words(kSvgAttributes), words(kCssProperties),
                                        words(kTags, true),    words(kSvgAttributes, true)};
  return lists;
}

}  // namespace quire::scripting
