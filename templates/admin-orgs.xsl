<?xml version="1.0" encoding="UTF-8"?>
<!--
  The organisations registry (src/admin_org.c): the list with the form
  to add one, and the edit page of one.

  The view:
    /page/orgs
      org*                      entries by name (below)
      new-org                   the add form as sent: name, short-name,
                                url, errors/error[@field]
    /page/org-edit
      org                       the entry being edited
      form                      its fields (as sent, or as stored), errors
  An entry:
    org[@id @slug @count @editable]
      name, short-name, url, public-href, updated
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="admin-layout.xsl"/>

<xsl:template name="title">
  <xsl:choose>
    <xsl:when test="/page/org-edit">
      <xsl:text>Edit organisation: </xsl:text>
      <xsl:value-of select="/page/org-edit/org/name"/>
    </xsl:when>
    <xsl:otherwise>Organisations</xsl:otherwise>
  </xsl:choose>
</xsl:template>

<xsl:template name="content">
  <xsl:apply-templates select="/page/orgs | /page/org-edit"/>
</xsl:template>

<!-- The three fields of an organisation, from $f (new-org or form). -->
<xsl:template name="org-fields">
  <xsl:param name="f"/>
  <xsl:call-template name="input">
    <xsl:with-param name="name" select="'name'"/>
    <xsl:with-param name="label" select="'Name'"/>
    <xsl:with-param name="value" select="$f/name"/>
    <xsl:with-param name="hint" select="'In full, as the organisation writes it: Asian Network of People who Use Drugs.'"/>
    <xsl:with-param name="required" select="'1'"/>
    <xsl:with-param name="maxlength" select="'300'"/>
  </xsl:call-template>
  <xsl:call-template name="input">
    <xsl:with-param name="name" select="'short_name'"/>
    <xsl:with-param name="label" select="'Short name (optional)'"/>
    <xsl:with-param name="value" select="$f/short-name"/>
    <xsl:with-param name="hint" select="'An acronym readers know, such as ANPUD.'"/>
    <xsl:with-param name="maxlength" select="'60'"/>
  </xsl:call-template>
  <xsl:call-template name="input">
    <xsl:with-param name="name" select="'url'"/>
    <xsl:with-param name="label" select="'Website (optional)'"/>
    <xsl:with-param name="type" select="'url'"/>
    <xsl:with-param name="value" select="$f/url"/>
    <xsl:with-param name="hint" select="'A full address starting with https:// or http://.'"/>
    <xsl:with-param name="maxlength" select="'500'"/>
  </xsl:call-template>
</xsl:template>

<xsl:template match="orgs">
  <h1>Organisations</h1>
  <p>Partner organisations that sign statements and whose people speak at
  events. Statements and events choose them from this registry.</p>
  <xsl:choose>
    <xsl:when test="org">
      <table class="data orgs">
        <caption>
          <xsl:value-of select="count(org)"/>
          <xsl:choose>
            <xsl:when test="count(org) = 1"> organisation</xsl:when>
            <xsl:otherwise> organisations, by name</xsl:otherwise>
          </xsl:choose>
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Short name</th>
            <th scope="col">Website</th>
            <th scope="col">Items</th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="org">
            <tr>
              <th scope="row">
                <xsl:choose>
                  <xsl:when test="@editable">
                    <a href="{$site/base-url}/admin/orgs/{@id}">
                      <xsl:value-of select="name"/>
                    </a>
                  </xsl:when>
                  <xsl:otherwise><xsl:value-of select="name"/></xsl:otherwise>
                </xsl:choose>
              </th>
              <td><xsl:value-of select="short-name"/></td>
              <td>
                <xsl:if test="url">
                  <a href="{url}" rel="noopener noreferrer"><xsl:value-of select="url"/></a>
                </xsl:if>
              </td>
              <td><xsl:value-of select="@count"/></td>
              <td>
                <xsl:call-template name="when">
                  <xsl:with-param name="t" select="updated"/>
                </xsl:call-template>
              </td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:when>
    <xsl:otherwise>
      <p class="empty">The registry is empty.</p>
    </xsl:otherwise>
  </xsl:choose>
  <form method="post" action="{$site/base-url}/admin/orgs/" class="org-new">
    <xsl:call-template name="csrf-field"/>
    <fieldset>
      <legend>Add an organisation</legend>
      <xsl:call-template name="org-fields">
        <xsl:with-param name="f" select="new-org"/>
      </xsl:call-template>
      <p class="buttons"><button type="submit" class="primary">Add</button></p>
    </fieldset>
  </form>
</xsl:template>

<xsl:template match="org-edit">
  <h1>
    <xsl:text>Edit organisation: </xsl:text>
    <xsl:value-of select="org/name"/>
  </h1>
  <p>
    <xsl:text>Named by </xsl:text>
    <xsl:value-of select="org/@count"/>
    <xsl:choose>
      <xsl:when test="org/@count = 1"> item</xsl:when>
      <xsl:otherwise> items</xsl:otherwise>
    </xsl:choose>
    <xsl:text>. Its public address stays </xsl:text>
    <a href="{org/public-href}"><xsl:value-of select="org/public-href"/></a>
    <xsl:text> whatever the name; a new name shows at once on every page and
    feed that names it.</xsl:text>
  </p>
  <form method="post" action="{$site/base-url}/admin/orgs/{org/@id}">
    <xsl:call-template name="csrf-field"/>
    <fieldset>
      <legend>The organisation</legend>
      <xsl:call-template name="org-fields">
        <xsl:with-param name="f" select="form"/>
      </xsl:call-template>
      <p class="buttons">
        <button type="submit" class="primary">Save</button>
        <xsl:text> </xsl:text>
        <a href="{$site/base-url}/admin/orgs/">Back to the registry</a>
      </p>
    </fieldset>
  </form>
</xsl:template>

</xsl:stylesheet>
