<?xml version="1.0" encoding="UTF-8"?>
<!--
  The index of a language's topics.  View: /page/tags with <tag slug href
  name count/>, by name.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="layout.xsl"/>

<xsl:template name="title">
  <xsl:value-of select="b:t('tags')"/>
</xsl:template>

<xsl:template name="content">
  <h1><xsl:value-of select="b:t('tags')"/></h1>
  <xsl:choose>
    <xsl:when test="/page/tags/tag">
      <ul class="tag-index">
        <xsl:for-each select="/page/tags/tag">
          <li>
            <a href="{@href}"><xsl:value-of select="@name"/></a>
            <xsl:text> </xsl:text>
            <span class="count">
              <xsl:value-of select="b:count(@count)"/>
            </span>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:when>
    <xsl:otherwise>
      <p class="empty"><xsl:value-of select="b:t('tags-empty')"/></p>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
