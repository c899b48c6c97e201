<?xml version="1.0" encoding="UTF-8"?>
<!--
  The index of organisations with visible items in the language.  View:
  /page/orgs with <org slug href name short-name url count/>, by name.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="layout.xsl"/>

<xsl:template name="title">
  <xsl:value-of select="b:t('organisations')"/>
</xsl:template>

<xsl:template name="content">
  <h1><xsl:value-of select="b:t('organisations')"/></h1>
  <p class="intro"><xsl:value-of select="b:t('orgs-intro')"/></p>
  <xsl:choose>
    <xsl:when test="/page/orgs/org">
      <ul class="org-index">
        <xsl:for-each select="/page/orgs/org">
          <li>
            <a href="{@href}"><xsl:value-of select="@name"/></a>
            <xsl:if test="@short-name">
              <xsl:text> (</xsl:text>
              <abbr><xsl:value-of select="@short-name"/></abbr>
              <xsl:text>)</xsl:text>
            </xsl:if>
            <xsl:if test="@count">
              <xsl:text> </xsl:text>
              <span class="count">
                <xsl:value-of select="b:count(@count)"/>
              </span>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:when>
    <xsl:otherwise>
      <p class="empty"><xsl:value-of select="b:t('orgs-empty')"/></p>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
