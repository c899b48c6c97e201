<?xml version="1.0" encoding="UTF-8"?>
<!--
  The tags of one language (src/admin_tag.c).

  The view:
    /page/tags[@lang @editable]
      language[@code @current]*   the site's languages, for switching
      tag[@id @slug @count @public-href]*   by name; the name as text
  With @editable, each tag has forms posting to /admin/tags/ID with
  action=rename (name), action=merge (into) or, unused, action=delete.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="admin-layout.xsl"/>

<xsl:template name="title">Tags</xsl:template>

<xsl:template name="content">
  <xsl:apply-templates select="/page/tags"/>
</xsl:template>

<xsl:template match="tags">
  <xsl:variable name="tags" select="."/>
  <h1>Tags</h1>
  <p class="hint">Tags are made from the items' forms. Renaming keeps a
  tag's address; merging moves its items to another tag and removes its
  page.</p>
  <nav aria-label="Language of the tags">
    <ul class="pager">
      <xsl:for-each select="language">
        <li>
          <a href="{$site/base-url}/admin/tags/?lang={@code}" lang="{@code}">
            <xsl:if test="@current">
              <xsl:attribute name="aria-current">page</xsl:attribute>
            </xsl:if>
            <xsl:variable name="code" select="@code"/>
            <xsl:choose>
              <xsl:when test="$site/languages/language[@code = $code]/@name">
                <xsl:value-of select="$site/languages/language[@code = $code]/@name"/>
              </xsl:when>
              <xsl:otherwise><xsl:value-of select="@code"/></xsl:otherwise>
            </xsl:choose>
          </a>
        </li>
      </xsl:for-each>
    </ul>
  </nav>
  <xsl:choose>
    <xsl:when test="tag">
      <table>
        <caption>
          <xsl:value-of select="count(tag)"/>
          <xsl:text> tags</xsl:text>
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Items</th>
            <xsl:if test="@editable">
              <th scope="col">Change</th>
            </xsl:if>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="tag">
            <xsl:variable name="id" select="@id"/>
            <tr>
              <th scope="row" lang="{$tags/@lang}">
                <a href="{@public-href}"><xsl:value-of select="."/></a>
              </th>
              <td><xsl:value-of select="@count"/></td>
              <xsl:if test="$tags/@editable">
                <td>
                  <form method="post" action="{$site/base-url}/admin/tags/{@id}" class="row">
                    <xsl:call-template name="csrf-field"/>
                    <input type="hidden" name="action" value="rename"/>
                    <div class="field">
                      <label for="f-name-{@id}">New name</label>
                      <input id="f-name-{@id}" name="name" type="text"
                          value="{.}" maxlength="200" lang="{$tags/@lang}"/>
                    </div>
                    <div class="field"><button type="submit">Rename</button></div>
                  </form>
                  <xsl:if test="count($tags/tag) &gt; 1">
                    <form method="post" action="{$site/base-url}/admin/tags/{@id}" class="row">
                      <xsl:call-template name="csrf-field"/>
                      <input type="hidden" name="action" value="merge"/>
                      <div class="field">
                        <label for="f-into-{@id}">Merge into</label>
                        <select id="f-into-{@id}" name="into">
                          <xsl:for-each select="$tags/tag[@id != $id]">
                            <option value="{@id}"><xsl:value-of select="."/></option>
                          </xsl:for-each>
                        </select>
                      </div>
                      <div class="field"><button type="submit">Merge</button></div>
                    </form>
                  </xsl:if>
                  <xsl:if test="@count = 0">
                    <form method="post" action="{$site/base-url}/admin/tags/{@id}">
                      <xsl:call-template name="csrf-field"/>
                      <input type="hidden" name="action" value="delete"/>
                      <button type="submit" class="danger">Delete this unused tag</button>
                    </form>
                  </xsl:if>
                </td>
              </xsl:if>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </xsl:when>
    <xsl:otherwise>
      <p>No tags in this language yet.</p>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
