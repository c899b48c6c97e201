<?xml version="1.0" encoding="UTF-8"?>
<!--
  The admin's own small pages (src/admin.c, src/admin_login.c):
    /page/login[@state @login @next @held @wait]   the sign-in form;
        @state: form | failed | throttled | held | upload-lost | ended
    /page/login-code[@state @next @held]           the second factor
    /page/error[@status @reason]                   an error, with text
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:b="urn:x-broadside:templates"
    exclude-result-prefixes="b">

<xsl:import href="admin-layout.xsl"/>

<xsl:template name="title">
  <xsl:choose>
    <xsl:when test="/page/login">Sign in</xsl:when>
    <xsl:when test="/page/login-code">Sign-in code</xsl:when>
    <xsl:when test="/page/error">
      <xsl:value-of select="/page/error/@reason"/>
    </xsl:when>
  </xsl:choose>
</xsl:template>

<xsl:template name="content">
  <xsl:apply-templates select="/page/login | /page/login-code | /page/error"/>
</xsl:template>

<xsl:template match="login">
  <div class="narrow">
    <h1>Sign in</h1>
    <xsl:choose>
      <xsl:when test="@state = 'failed'">
        <div class="error-summary" role="alert">
          <p>The login or password is wrong. Check both and try again.</p>
        </div>
      </xsl:when>
      <xsl:when test="@state = 'throttled'">
        <div class="error-summary" role="alert">
          <p>
            <xsl:text>Too many failed sign-ins. Wait </xsl:text>
            <xsl:value-of select="@wait"/>
            <xsl:text> seconds before trying again. If this is not you,
            tell an administrator: every attempt is logged.</xsl:text>
          </p>
        </div>
      </xsl:when>
      <xsl:when test="@state = 'held'">
        <div class="notice held" role="status">
          <p>Your session ended before you saved. Your changes are kept:
          sign in again and they will be saved (or, if someone else saved
          the item meanwhile, shown beside theirs).</p>
        </div>
      </xsl:when>
      <xsl:when test="@state = 'ended'">
        <div class="error-summary" role="alert">
          <p>Your session ended before this form was sent, and it was not
          kept (forms with passwords, roles or settings never are). Sign
          in and do it again.</p>
        </div>
      </xsl:when>
      <xsl:when test="@state = 'upload-lost'">
        <div class="error-summary" role="alert">
          <p>Your session ended before the upload. Files cannot be kept
          across a sign-in: sign in and upload the file again.</p>
        </div>
      </xsl:when>
    </xsl:choose>
    <form method="post" action="{$site/base-url}/admin/login" class="login">
      <xsl:if test="@next">
        <input type="hidden" name="next" value="{@next}"/>
      </xsl:if>
      <xsl:if test="@held">
        <input type="hidden" name="held" value="{@held}"/>
      </xsl:if>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'login'"/>
        <xsl:with-param name="label" select="'Login'"/>
        <xsl:with-param name="value" select="@login"/>
        <xsl:with-param name="required" select="'1'"/>
        <xsl:with-param name="maxlength" select="'64'"/>
        <xsl:with-param name="autocomplete" select="'username'"/>
      </xsl:call-template>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'password'"/>
        <xsl:with-param name="label" select="'Password'"/>
        <xsl:with-param name="type" select="'password'"/>
        <xsl:with-param name="required" select="'1'"/>
        <xsl:with-param name="autocomplete" select="'current-password'"/>
      </xsl:call-template>
      <p><button type="submit" class="primary">Sign in</button></p>
    </form>
  </div>
</xsl:template>

<xsl:template match="login-code">
  <div class="narrow">
    <h1>Sign-in code</h1>
    <xsl:if test="@state = 'failed'">
      <div class="error-summary" role="alert">
        <p>That code is not right, or it was already used. Enter the
        current code from your authenticator app, or one of your recovery
        codes.</p>
      </div>
    </xsl:if>
    <form method="post" action="{$site/base-url}/admin/login/code">
      <xsl:call-template name="csrf-field"/>
      <xsl:if test="@next">
        <input type="hidden" name="next" value="{@next}"/>
      </xsl:if>
      <xsl:if test="@held">
        <input type="hidden" name="held" value="{@held}"/>
      </xsl:if>
      <xsl:call-template name="input">
        <xsl:with-param name="name" select="'code'"/>
        <xsl:with-param name="label" select="'Code'"/>
        <xsl:with-param name="hint" select="'The 6-digit code your authenticator app shows now, or a recovery code (xxxxx-xxxxx).'"/>
        <xsl:with-param name="required" select="'1'"/>
        <xsl:with-param name="maxlength" select="'20'"/>
        <xsl:with-param name="autocomplete" select="'one-time-code'"/>
      </xsl:call-template>
      <p><button type="submit" class="primary">Continue</button></p>
    </form>
  </div>
</xsl:template>

<xsl:template match="error">
  <div class="narrow">
    <h1>
      <xsl:value-of select="@reason"/>
    </h1>
    <p>
      <xsl:choose>
        <xsl:when test="string(.) != ''"><xsl:value-of select="."/></xsl:when>
        <xsl:when test="@status = 403">You may not do this, or the form
        was out of date or sent from another site. Go back, reload the
        page and try again.</xsl:when>
        <xsl:when test="@status = 404">There is nothing at this address.</xsl:when>
        <xsl:when test="@status = 405">This address does not take that
        kind of request.</xsl:when>
        <xsl:when test="@status = 413">What was sent is too large.</xsl:when>
        <xsl:when test="@status = 415">What was sent is not a form this
        page understands.</xsl:when>
        <xsl:when test="@status = 400">The request was malformed.</xsl:when>
        <xsl:when test="@status = 503">The database is unavailable. Your
        work was not saved: go back and try again in a minute.</xsl:when>
        <xsl:otherwise>Something went wrong. Nothing was changed; the
        error is in the program's log.</xsl:otherwise>
      </xsl:choose>
    </p>
    <p><a href="{$site/base-url}/admin/">Back to the dashboard</a></p>
  </div>
</xsl:template>

</xsl:stylesheet>
