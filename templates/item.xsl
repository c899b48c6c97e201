<?xml version="1.0" encoding="UTF-8"?>
<!--
  One item, of any kind.  View: /page/article with @kind @key @lang @href,
  <listing href/>, <title>, <summary>, <published datetime>, <updated>,
  <byline>, <hashtag>, <hero>, <body> (sanitised HTML nodes), <tags>,
  <translations>, <attachments>, <gallery> (of <image>/<file> with href
  name mime bytes width height alt, <caption>, <credit>), <signatories>
  (<signatory role> with <org/> and <signed datetime>) and <event> (see
  the event template below).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="layout.xsl"/>

<xsl:variable name="a" select="/page/article"/>

<xsl:template name="title">
  <xsl:value-of select="$a/title"/>
</xsl:template>

<xsl:template name="description">
  <xsl:value-of select="$a/summary"/>
</xsl:template>

<xsl:template name="content">
  <article class="item item-{$a/@kind}">
    <header class="page-head">
      <p class="kind">
        <a href="{$a/listing/@href}"><xsl:value-of select="b:t($a/@key)"/></a>
      </p>
      <h1><xsl:value-of select="$a/title"/></h1>
      <p class="meta">
        <xsl:value-of select="b:t('published')"/>
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="$a/published" mode="time"/>
        <xsl:if test="$a/byline">
          <xsl:text> · </xsl:text>
          <xsl:value-of select="b:t('by')"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="$a/byline"/>
        </xsl:if>
      </p>
      <xsl:if test="string($a/summary) != ''">
        <p class="lead"><xsl:value-of select="$a/summary"/></p>
      </xsl:if>
    </header>

    <xsl:apply-templates select="$a/hero/*" mode="figure"/>
    <xsl:apply-templates select="$a/event" mode="summary"/>
    <xsl:apply-templates select="$a/attachments"/>

    <div class="body">
      <xsl:copy-of select="$a/body/node()"/>
    </div>

    <xsl:if test="$a/hashtag">
      <p class="hashtag">
        <xsl:value-of select="b:t('hashtag')"/>
        <xsl:text>: </xsl:text>
        <strong>#<xsl:value-of select="$a/hashtag"/></strong>
      </p>
    </xsl:if>
    <xsl:apply-templates select="$a/gallery"/>
    <xsl:apply-templates select="$a/signatories"/>
    <xsl:apply-templates select="$a/event" mode="details"/>
    <xsl:apply-templates select="$a/tags"/>
    <xsl:apply-templates select="$a/translations"/>
  </article>
</xsl:template>

<!-- A picture with its caption and credit. -->
<xsl:template match="image" mode="figure">
  <figure class="picture">
    <img src="{@href}" alt="{@alt}" loading="lazy">
      <xsl:if test="@width">
        <xsl:attribute name="width"><xsl:value-of select="@width"/></xsl:attribute>
        <xsl:attribute name="height"><xsl:value-of select="@height"/></xsl:attribute>
      </xsl:if>
      <!-- Uploaded pictures have smaller copies (the admin's renditions). -->
      <xsl:if test="rendition and @width">
        <xsl:attribute name="srcset">
          <xsl:for-each select="rendition">
            <xsl:value-of select="@href"/>
            <xsl:text> </xsl:text>
            <xsl:value-of select="@width"/>
            <xsl:text>w, </xsl:text>
          </xsl:for-each>
          <xsl:value-of select="@href"/>
          <xsl:text> </xsl:text>
          <xsl:value-of select="@width"/>
          <xsl:text>w</xsl:text>
        </xsl:attribute>
        <xsl:attribute name="sizes">(max-width: 50rem) 100vw, 50rem</xsl:attribute>
      </xsl:if>
    </img>
    <xsl:if test="caption or credit">
      <figcaption>
        <xsl:value-of select="caption"/>
        <xsl:if test="credit">
          <xsl:if test="caption"><xsl:text> — </xsl:text></xsl:if>
          <span class="credit"><xsl:value-of select="credit"/></span>
        </xsl:if>
      </figcaption>
    </xsl:if>
  </figure>
</xsl:template>
<xsl:template match="file" mode="figure"/>

<xsl:template match="gallery">
  <section class="gallery" aria-labelledby="gallery-h">
    <h2 id="gallery-h"><xsl:value-of select="b:t('gallery')"/></h2>
    <ul>
      <xsl:for-each select="image">
        <li><xsl:apply-templates select="." mode="figure"/></li>
      </xsl:for-each>
    </ul>
  </section>
</xsl:template>

<!-- Downloads: a case study's full report first of all. -->
<xsl:template match="attachments">
  <section class="downloads" aria-labelledby="downloads-h">
    <h2 id="downloads-h">
      <xsl:choose>
        <xsl:when test="$a/@kind = 'case-study'">
          <xsl:value-of select="b:t('download-report')"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="b:t('downloads')"/></xsl:otherwise>
      </xsl:choose>
    </h2>
    <ul>
      <xsl:for-each select="*">
        <li>
          <a href="{@href}" type="{@mime}" download="{@name}">
            <xsl:choose>
              <xsl:when test="string(@alt) != ''"><xsl:value-of select="@alt"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="@name"/></xsl:otherwise>
            </xsl:choose>
          </a>
          <xsl:text> </xsl:text>
          <span class="filemeta">
            <xsl:text>(</xsl:text>
            <xsl:if test="string(@alt) != ''">
              <xsl:value-of select="@name"/>
              <xsl:text>, </xsl:text>
            </xsl:if>
            <xsl:value-of select="b:filetype(@mime, @name)"/>
            <xsl:text>, </xsl:text>
            <xsl:value-of select="b:size(@bytes)"/>
            <xsl:text>)</xsl:text>
          </span>
          <xsl:if test="caption">
            <br/>
            <span class="caption"><xsl:value-of select="caption"/></span>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </section>
</xsl:template>

<xsl:template match="signatories">
  <section class="signatories" aria-labelledby="signatories-h">
    <h2 id="signatories-h"><xsl:value-of select="b:t('signed-by')"/></h2>
    <table>
      <thead>
        <tr>
          <th scope="col"><xsl:value-of select="b:t('organisation')"/></th>
          <th scope="col"><xsl:value-of select="b:t('role')"/></th>
          <th scope="col"><xsl:value-of select="b:t('date-signed')"/></th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="signatory">
          <tr>
            <th scope="row">
              <xsl:apply-templates select="org" mode="link"/>
              <xsl:if test="org/@short-name">
                <xsl:text> (</xsl:text>
                <abbr><xsl:value-of select="org/@short-name"/></abbr>
                <xsl:text>)</xsl:text>
              </xsl:if>
            </th>
            <td><xsl:call-template name="signatory-role"/></td>
            <td><xsl:apply-templates select="signed" mode="time"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </section>
</xsl:template>

<!-- Known roles are translated, others shown as entered. -->
<xsl:template name="signatory-role">
  <xsl:variable name="k" select="concat('role-', @role)"/>
  <xsl:choose>
    <xsl:when test="b:t($k) != $k"><xsl:value-of select="b:t($k)"/></xsl:when>
    <xsl:otherwise><xsl:value-of select="@role"/></xsl:otherwise>
  </xsl:choose>
</xsl:template>

<!--
  An event's essentials near the top: when (in its own zone), where,
  languages and the registration link.
  View: <event past?> with <times> of <when zone role abbrev end-abbrev?
  same-day?> (<start|end datetime date time/>), <location>, <online
  href/>, <registration href/>, <spoken> and <interpretation> of
  <language code/>, <speakers> of <speaker chair?> (<name>, <role>,
  <part>, <org/>).
-->
<xsl:template match="event" mode="summary">
  <section class="event-box" aria-labelledby="event-h">
    <h2 id="event-h" class="visually-hidden"><xsl:value-of select="b:t('kind-event')"/></h2>
    <xsl:if test="@past">
      <p class="notice"><xsl:value-of select="b:t('event-ended')"/></p>
    </xsl:if>
    <dl>
      <xsl:for-each select="times/when[@role = 'event']">
        <dt><xsl:value-of select="b:t('when')"/></dt>
        <dd class="when">
          <xsl:apply-templates select="." mode="phrase"/>
          <xsl:if test="@zone != 'UTC'">
            <xsl:text> </xsl:text>
            <span class="zone">(<xsl:value-of select="b:city(@zone)"/>)</span>
          </xsl:if>
        </dd>
      </xsl:for-each>
      <xsl:if test="location">
        <dt><xsl:value-of select="b:t('where')"/></dt>
        <dd><xsl:value-of select="location"/></dd>
      </xsl:if>
      <xsl:if test="spoken">
        <dt><xsl:value-of select="b:t('spoken')"/></dt>
        <dd><xsl:apply-templates select="spoken"/></dd>
      </xsl:if>
      <xsl:if test="interpretation">
        <dt><xsl:value-of select="b:t('interpretation')"/></dt>
        <dd><xsl:apply-templates select="interpretation"/></dd>
      </xsl:if>
    </dl>
    <!-- The event's own calendar file (layout.xsl lists it in the head). -->
    <xsl:variable name="ics" select="/page/feeds/feed[@scope = 'event']"/>
    <xsl:if test="registration or online or $ics">
      <p class="actions">
        <xsl:if test="registration">
          <a class="button" href="{registration/@href}">
            <xsl:value-of select="b:t('register')"/>
          </a>
        </xsl:if>
        <xsl:if test="registration and online">
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:if test="online">
          <a class="button secondary" href="{online/@href}">
            <xsl:value-of select="b:t('join-online')"/>
          </a>
        </xsl:if>
        <xsl:if test="$ics">
          <xsl:if test="registration or online">
            <xsl:text> </xsl:text>
          </xsl:if>
          <a class="button secondary" href="{$ics[1]/@href}"
              type="{$ics[1]/@type}">
            <xsl:value-of select="b:t('add-to-calendar')"/>
          </a>
        </xsl:if>
      </p>
    </xsl:if>
  </section>
</xsl:template>

<!-- "English, French and Spanish" would need grammar; a list will do. -->
<xsl:template match="spoken | interpretation">
  <xsl:for-each select="language">
    <xsl:if test="position() &gt; 1">, </xsl:if>
    <xsl:value-of select="b:langname(@code)"/>
  </xsl:for-each>
</xsl:template>

<!-- After the body: the speakers, then the times in other zones. -->
<xsl:template match="event" mode="details">
  <xsl:if test="speakers/speaker">
    <section class="speakers" aria-labelledby="speakers-h">
      <h2 id="speakers-h"><xsl:value-of select="b:t('speakers')"/></h2>
      <ol>
        <xsl:for-each select="speakers/speaker">
          <li>
            <xsl:if test="@chair">
              <xsl:attribute name="class">chair</xsl:attribute>
            </xsl:if>
            <p class="speaker-name">
              <strong><xsl:value-of select="name"/></strong>
              <xsl:if test="@chair">
                <xsl:text> </xsl:text>
                <span class="badge"><xsl:value-of select="b:t('chair')"/></span>
              </xsl:if>
            </p>
            <xsl:if test="role or org">
              <p class="speaker-role">
                <xsl:value-of select="role"/>
                <xsl:if test="role and org">, </xsl:if>
                <xsl:apply-templates select="org" mode="link"/>
              </p>
            </xsl:if>
            <xsl:if test="part">
              <p class="speaker-part"><xsl:value-of select="part"/></p>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:if>
  <xsl:if test="times/when[@role != 'event']">
    <section class="times" aria-labelledby="times-h">
      <h2 id="times-h"><xsl:value-of select="b:t('times')"/></h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col"><xsl:value-of select="b:t('time-zone')"/></th>
              <th scope="col"><xsl:value-of select="b:t('starts')"/></th>
              <th scope="col"><xsl:value-of select="b:t('ends')"/></th>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="times/when">
              <tr>
                <xsl:if test="@role = 'event'">
                  <xsl:attribute name="class">own-zone</xsl:attribute>
                </xsl:if>
                <th scope="row">
                  <xsl:choose>
                    <xsl:when test="@zone = 'UTC'">UTC</xsl:when>
                    <xsl:otherwise><xsl:value-of select="b:city(@zone)"/></xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="@role = 'event'">
                    <xsl:text> </xsl:text>
                    <span class="note"><xsl:value-of select="b:t('event-zone-note')"/></span>
                  </xsl:if>
                </th>
                <!-- Each time with its zone: "21 July 2021, 16:00 CEST". -->
                <td>
                  <time datetime="{start/@datetime}">
                    <xsl:value-of select="start/@date"/>
                    <xsl:text>, </xsl:text>
                    <xsl:value-of select="start/@time"/>
                  </time>
                  <xsl:text> </xsl:text>
                  <xsl:value-of select="b:abbrev(@abbrev)"/>
                </td>
                <td>
                  <xsl:if test="end">
                    <time datetime="{end/@datetime}">
                      <xsl:if test="not(@same-day)">
                        <xsl:value-of select="end/@date"/>
                        <xsl:text>, </xsl:text>
                      </xsl:if>
                      <xsl:value-of select="end/@time"/>
                    </time>
                    <xsl:text> </xsl:text>
                    <xsl:choose>
                      <xsl:when test="@end-abbrev"><xsl:value-of select="b:abbrev(@end-abbrev)"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="b:abbrev(@abbrev)"/></xsl:otherwise>
                    </xsl:choose>
                  </xsl:if>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:if>
</xsl:template>

<xsl:template match="tags">
  <section class="item-tags" aria-labelledby="tags-h">
    <h2 id="tags-h"><xsl:value-of select="b:t('topics')"/></h2>
    <ul class="tag-list">
      <xsl:for-each select="tag">
        <li><a href="{@href}" rel="tag"><xsl:value-of select="@name"/></a></li>
      </xsl:for-each>
    </ul>
  </section>
</xsl:template>

<!-- Each translation in its own language, marked up as such. -->
<xsl:template match="translations">
  <section class="translations" aria-labelledby="translations-h">
    <h2 id="translations-h"><xsl:value-of select="b:t('also-available')"/></h2>
    <ul>
      <xsl:for-each select="translation">
        <li lang="{@lang}">
          <a href="{@href}" hreflang="{@lang}">
            <xsl:choose>
              <xsl:when test="string(@name) != ''"><xsl:value-of select="@name"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="b:selfname(@lang)"/></xsl:otherwise>
            </xsl:choose>
            <xsl:text>: </xsl:text>
            <xsl:value-of select="@title"/>
          </a>
        </li>
      </xsl:for-each>
    </ul>
  </section>
</xsl:template>

</xsl:stylesheet>
