<?xml version="1.0" encoding="UTF-8"?>
<!--
  Preview links of an item (src/admin_preview.c).  The page answering
  POST /admin/items/N/previews: the new link, shown this once, or the form
  again with its errors; and the item's links.

  View: /page/item (@id @lang @status @href, the title as text),
  /page/new-link (@id @url @note, <expires datetime>English date</expires>),
  /page/share-form (@note @days: the values sent, after errors),
  /page/errors, and /page/previews (admin_preview_links_view(), see
  src/admin_preview.h), which the template "previews" below renders.

  The edit page shows the same list: admin-edit.xsl may import this
  stylesheet instead of admin-layout.xsl (which this one imports), define
  its own "title" and "content", and apply templates to its <previews>.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

<xsl:import href="admin-layout.xsl"/>

<xsl:template name="title">
  <xsl:text>Preview links: </xsl:text>
  <xsl:value-of select="/page/item"/>
</xsl:template>

<xsl:template name="content">
  <xsl:variable name="item" select="/page/item"/>
  <h1>
    <xsl:text>Preview links for </xsl:text>
    <q lang="{$item/@lang}"><xsl:value-of select="$item"/></q>
  </h1>
  <p><a href="{$item/@href}">Back to the item</a></p>
  <xsl:for-each select="/page/new-link">
    <section class="new-link" aria-labelledby="new-link-h">
      <h2 id="new-link-h">Your new preview link</h2>
      <p>
        <strong>Copy it now: it is shown only once.</strong>
        <xsl:text> Only a fingerprint of it is kept, so nobody can show it to you again; if it is lost, revoke it and make another.</xsl:text>
      </p>
      <p class="preview-url">
        <label for="new-link-url">Preview link</label>
        <xsl:text> </xsl:text>
        <input id="new-link-url" type="text" readonly="readonly" size="80" value="{@url}"/>
      </p>
      <p><code><xsl:value-of select="@url"/></code></p>
      <p>
        <xsl:if test="string(@note) != ''">
          <xsl:text>For </xsl:text>
          <xsl:value-of select="@note"/>
          <xsl:text>. </xsl:text>
        </xsl:if>
        <xsl:text>Anyone holding this link can read the item as last saved, without signing in, until </xsl:text>
        <time datetime="{expires/@datetime}"><xsl:value-of select="expires"/></time>
        <xsl:text>. Revoke it below as soon as it is no longer needed.</xsl:text>
      </p>
    </section>
  </xsl:for-each>
  <xsl:apply-templates select="/page/previews"/>
</xsl:template>

<!--
  An item's preview links with their Revoke buttons, and the form for a
  new one when the user may share the item.
-->
<xsl:template match="previews">
  <section class="previews" aria-labelledby="previews-h">
    <h2 id="previews-h">Preview links for partners</h2>
    <p class="hint">A preview link lets someone outside the newsroom read this item as last saved, without an account, until it expires or is revoked. Anyone holding the link can read the draft.</p>
    <xsl:choose>
      <xsl:when test="@error">
        <p class="field-error">The preview links cannot be shown just now.</p>
      </xsl:when>
      <xsl:when test="not(preview-link)">
        <p>No preview links yet.</p>
      </xsl:when>
      <xsl:otherwise>
        <table class="preview-links">
          <thead>
            <tr>
              <th scope="col">For</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last opened</th>
              <th scope="col">State</th>
              <xsl:if test="@may-share"><th scope="col"><span class="visually-hidden">Actions</span></th></xsl:if>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="preview-link">
              <tr class="preview-{@state}">
                <th scope="row">
                  <xsl:choose>
                    <xsl:when test="string(@note) != ''"><xsl:value-of select="@note"/></xsl:when>
                    <xsl:otherwise>(no note)</xsl:otherwise>
                  </xsl:choose>
                </th>
                <td>
                  <xsl:call-template name="when">
                    <xsl:with-param name="t" select="string(created)"/>
                  </xsl:call-template>
                  <xsl:if test="@by">
                    <xsl:text> by </xsl:text>
                    <xsl:value-of select="@by"/>
                  </xsl:if>
                </td>
                <td>
                  <xsl:call-template name="when">
                    <xsl:with-param name="t" select="string(expires)"/>
                  </xsl:call-template>
                </td>
                <td>
                  <xsl:choose>
                    <xsl:when test="last-used">
                      <xsl:call-template name="when">
                        <xsl:with-param name="t" select="string(last-used)"/>
                      </xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise>never</xsl:otherwise>
                  </xsl:choose>
                </td>
                <td>
                  <xsl:choose>
                    <xsl:when test="@state = 'revoked'">
                      <xsl:text>Revoked </xsl:text>
                      <xsl:call-template name="when">
                        <xsl:with-param name="t" select="string(revoked)"/>
                      </xsl:call-template>
                    </xsl:when>
                    <xsl:when test="@state = 'expired'">Expired</xsl:when>
                    <xsl:otherwise>Active</xsl:otherwise>
                  </xsl:choose>
                </td>
                <xsl:if test="../@may-share">
                  <td>
                    <xsl:if test="@revoke">
                      <form method="post" action="{@revoke}">
                        <xsl:call-template name="csrf-field"/>
                        <button type="submit">
                          <xsl:text>Revoke</xsl:text>
                          <span class="visually-hidden">
                            <xsl:text> the link </xsl:text>
                            <xsl:if test="string(@note) != ''">
                              <xsl:text>for </xsl:text>
                              <xsl:value-of select="@note"/>
                            </xsl:if>
                          </span>
                        </button>
                      </form>
                    </xsl:if>
                  </td>
                </xsl:if>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@may-share">
      <xsl:call-template name="share-form">
        <xsl:with-param name="previews" select="."/>
      </xsl:call-template>
    </xsl:if>
  </section>
</xsl:template>

<!--
  The form for a new link.  Its ids are "f-preview-note" and
  "f-preview-days" (the errors' fields), so that they never clash with
  the edit form's own fields on the same page.
-->
<xsl:template name="share-form">
  <xsl:param name="previews"/>
  <xsl:variable name="sent" select="/page/share-form"/>
  <xsl:variable name="note-err" select="/page//errors/error[@field = 'preview-note']"/>
  <xsl:variable name="days-err" select="/page//errors/error[@field = 'preview-days']"/>
  <form method="post" action="{$previews/@action}" class="share-form">
    <xsl:call-template name="csrf-field"/>
    <fieldset>
      <legend>Make a new preview link</legend>
      <div class="field">
        <xsl:if test="$note-err"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
        <label for="f-preview-note">Who is it for?</label>
        <p class="hint" id="h-preview-note">For your list only, e.g. the partner organisation; at most 200 characters.</p>
        <xsl:call-template name="field-error">
          <xsl:with-param name="name" select="'preview-note'"/>
        </xsl:call-template>
        <input id="f-preview-note" name="note" type="text" maxlength="200" value="{$sent/@note}">
          <xsl:attribute name="aria-describedby">
            <xsl:text>h-preview-note</xsl:text>
            <xsl:if test="$note-err"> e-preview-note</xsl:if>
          </xsl:attribute>
          <xsl:if test="$note-err"><xsl:attribute name="aria-invalid">true</xsl:attribute></xsl:if>
        </input>
      </div>
      <div class="field">
        <xsl:if test="$days-err"><xsl:attribute name="class">field has-error</xsl:attribute></xsl:if>
        <label for="f-preview-days">Valid for (days)</label>
        <p class="hint" id="h-preview-days">From 1 to 365.</p>
        <xsl:call-template name="field-error">
          <xsl:with-param name="name" select="'preview-days'"/>
        </xsl:call-template>
        <input id="f-preview-days" name="days" type="number" min="1" max="365" required="required">
          <xsl:attribute name="value">
            <xsl:choose>
              <xsl:when test="$sent and string($sent/@days) != ''"><xsl:value-of select="$sent/@days"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$previews/@days"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
          <xsl:attribute name="aria-describedby">
            <xsl:text>h-preview-days</xsl:text>
            <xsl:if test="$days-err"> e-preview-days</xsl:if>
          </xsl:attribute>
          <xsl:if test="$days-err"><xsl:attribute name="aria-invalid">true</xsl:attribute></xsl:if>
        </input>
      </div>
      <p><button type="submit">Make a preview link</button></p>
    </fieldset>
  </form>
</xsl:template>

</xsl:stylesheet>
