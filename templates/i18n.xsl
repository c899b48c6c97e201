<?xml version="1.0" encoding="UTF-8"?>
<!--
  Words of the interface in each language of the site, and names of
  languages.  b:t('key') gives the string for the page's language, falling
  back to English, then to the key itself.  Add a language by adding an
  attribute named by its code to every <s>.  Included by layout.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    xmlns:func="http://exslt.org/functions"
    xmlns:b="urn:x-broadside:templates"
    extension-element-prefixes="exsl func"
    exclude-result-prefixes="exsl func b">

<!-- The page's language: every lookup is relative to it. -->
<xsl:variable name="lang" select="string(/page/@lang)"/>

<!--
  The interface strings.  Data, not a variable: render.c reads this table
  once per process into a hash table and answers b:t(k) from it, which is
  what keeps a page's many lookups cheap.
-->
<b:strings>
  <!-- Page furniture -->
  <s k="skip" en="Skip to content" fr="Aller au contenu"
     es="Saltar al contenido" ru="Перейти к содержанию"/>
  <s k="nav-main" en="Main" fr="Principal" es="Principal" ru="Основное меню"/>
  <s k="nav-languages" en="Languages" fr="Langues" es="Idiomas" ru="Языки"/>
  <s k="home" en="Home" fr="Accueil" es="Inicio" ru="Главная"/>
  <s k="back-home" en="Go to the home page" fr="Aller à la page d’accueil"
     es="Ir a la página de inicio" ru="Перейти на главную страницу"/>

  <!-- Sections: listings by URL segment -->
  <s k="news" en="News" fr="Actualités" es="Noticias" ru="Новости"/>
  <s k="case-studies" en="Case studies" fr="Études de cas"
     es="Estudios de caso" ru="Кейсы"/>
  <s k="statements" en="Statements" fr="Déclarations" es="Declaraciones"
     ru="Заявления"/>
  <s k="events" en="Events" fr="Événements" es="Eventos" ru="Мероприятия"/>
  <s k="tags" en="Topics" fr="Thèmes" es="Temas" ru="Темы"/>
  <s k="organisations" en="Organisations" fr="Organisations"
     es="Organizaciones" ru="Организации"/>

  <!-- One item of a kind, by database name -->
  <s k="kind-news" en="News" fr="Actualité" es="Noticia" ru="Новость"/>
  <s k="kind-case-study" en="Case study" fr="Étude de cas"
     es="Estudio de caso" ru="Кейс"/>
  <s k="kind-statement" en="Statement" fr="Déclaration" es="Declaración"
     ru="Заявление"/>
  <s k="kind-event" en="Event" fr="Événement" es="Evento" ru="Мероприятие"/>

  <!-- Listings and pagination -->
  <s k="read-more" en="Read more" fr="Lire la suite" es="Leer más"
     ru="Читать далее"/>
  <s k="see-all" en="See all" fr="Tout voir" es="Ver todo" ru="Смотреть все"/>
  <s k="all-events" en="All events" fr="Tous les événements"
     es="Todos los eventos" ru="Все мероприятия"/>
  <s k="page-of" en="Page %1 of %2" fr="Page %1 sur %2" es="Página %1 de %2"
     ru="Страница %1 из %2"/>
  <s k="previous" en="Previous" fr="Précédente" es="Anterior" ru="Предыдущая"/>
  <s k="next" en="Next" fr="Suivante" es="Siguiente" ru="Следующая"/>
  <s k="pagination" en="Pages" fr="Pages" es="Páginas" ru="Страницы"/>
  <s k="empty-list" en="Nothing has been published here yet."
     fr="Rien n’a encore été publié ici."
     es="Todavía no se ha publicado nada aquí."
     ru="Здесь пока ничего не опубликовано."/>
  <s k="search" en="Search" fr="Rechercher" es="Buscar" ru="Найти"/>
  <s k="search-label" en="Search the site" fr="Rechercher sur le site"
     es="Buscar en el sitio" ru="Поиск по сайту"/>
  <s k="search-heading" en="Search" fr="Recherche" es="Búsqueda" ru="Поиск"/>
  <s k="search-results" en="Results for “%2”: %1"
     fr="Résultats pour « %2 » : %1" es="Resultados para «%2»: %1"
     ru="Результатов по запросу «%2»: %1"/>
  <s k="search-none" en="Nothing matches “%2”. Try other or fewer words."
     fr="Aucun résultat pour « %2 ». Essayez d’autres mots, ou moins de mots."
     es="Nada coincide con «%2». Pruebe con otras palabras o con menos."
     ru="По запросу «%2» ничего не найдено. Попробуйте другие слова или меньше слов."/>
  <s k="search-hint" en="Search news, case studies, statements and events."
     fr="Recherchez dans les actualités, études de cas, déclarations et événements."
     es="Busque en noticias, estudios de caso, declaraciones y eventos."
     ru="Поиск по новостям, кейсам, заявлениям и мероприятиям."/>
  <s k="upcoming" en="Upcoming events" fr="Événements à venir"
     es="Próximos eventos" ru="Предстоящие мероприятия"/>
  <s k="no-upcoming" en="No events are planned at the moment."
     fr="Aucun événement n’est prévu pour le moment."
     es="No hay eventos previstos por el momento."
     ru="Сейчас мероприятия не запланированы."/>
  <s k="tag-heading" en="Topic: %1" fr="Thème : %1" es="Tema: %1"
     ru="Тема: %1"/>
  <s k="tags-empty" en="There are no topics yet."
     fr="Il n’y a pas encore de thèmes." es="Todavía no hay temas."
     ru="Тем пока нет."/>
  <s k="items-count" en="%1 items" fr="%1 contenus" es="%1 contenidos"
     ru="материалов: %1"/>
  <s k="items-count-one" en="%1 item" fr="%1 contenu" es="%1 contenido"
     ru="материалов: %1"/>
  <s k="orgs-intro"
     en="Partners who signed our statements or spoke at our events."
     fr="Les partenaires qui ont signé nos déclarations ou pris la parole lors de nos événements."
     es="Las organizaciones que firmaron nuestras declaraciones o intervinieron en nuestros eventos."
     ru="Партнёры, подписавшие наши заявления или выступавшие на наших мероприятиях."/>
  <s k="orgs-empty" en="No organisations are listed yet."
     fr="Aucune organisation n’est encore répertoriée."
     es="Todavía no hay organizaciones."
     ru="Организаций пока нет."/>
  <s k="org-involvement" en="Statements signed and events"
     fr="Déclarations signées et événements"
     es="Declaraciones firmadas y eventos"
     ru="Подписанные заявления и мероприятия"/>
  <s k="website" en="Website" fr="Site web" es="Sitio web" ru="Сайт"/>

  <!-- Item pages -->
  <s k="published" en="Published" fr="Publié le" es="Publicado el"
     ru="Опубликовано"/>
  <s k="by" en="By" fr="Par" es="Por" ru="Автор:"/>
  <s k="topics" en="Topics" fr="Thèmes" es="Temas" ru="Темы"/>
  <s k="also-available" en="Also available in" fr="Également disponible en"
     es="También disponible en" ru="Также доступно на других языках"/>
  <s k="hashtag" en="Campaign hashtag" fr="Mot-dièse de la campagne"
     es="Etiqueta de la campaña" ru="Хештег кампании"/>
  <s k="gallery" en="Photos" fr="Photos" es="Fotos" ru="Фотографии"/>
  <s k="download-report" en="Download the full report"
     fr="Télécharger le rapport complet" es="Descargar el informe completo"
     ru="Скачать полный отчёт"/>
  <s k="downloads" en="Downloads" fr="Téléchargements" es="Descargas"
     ru="Файлы"/>
  <s k="signed-by" en="Signed by" fr="Signataires" es="Firmado por"
     ru="Подписали"/>
  <s k="organisation" en="Organisation" fr="Organisation" es="Organización"
     ru="Организация"/>
  <s k="role" en="Role" fr="Rôle" es="Función" ru="Роль"/>
  <s k="date-signed" en="Date signed" fr="Date de signature"
     es="Fecha de firma" ru="Дата подписания"/>
  <s k="role-co-author" en="Co-author" fr="Co-auteur" es="Coautora"
     ru="Соавтор"/>
  <s k="role-co-signatory" en="Co-signatory" fr="Cosignataire"
     es="Cofirmante" ru="Соподписант"/>
  <s k="role-author" en="Author" fr="Auteur" es="Autora" ru="Автор"/>
  <s k="role-signatory" en="Signatory" fr="Signataire" es="Firmante"
     ru="Подписант"/>
  <s k="role-endorser" en="Endorser" fr="Soutien" es="Adhesión"
     ru="Поддержка"/>

  <!-- Events -->
  <s k="when" en="When" fr="Quand" es="Cuándo" ru="Когда"/>
  <s k="where" en="Where" fr="Où" es="Dónde" ru="Где"/>
  <s k="register" en="Register" fr="S’inscrire" es="Inscribirse"
     ru="Зарегистрироваться"/>
  <s k="join-online" en="Join online" fr="Rejoindre en ligne"
     es="Unirse en línea" ru="Подключиться онлайн"/>
  <s k="add-to-calendar" en="Add to calendar" fr="Ajouter à l’agenda"
     es="Añadir al calendario" ru="Добавить в календарь"/>
  <s k="event-ended" en="This event has ended." fr="Cet événement est terminé."
     es="Este evento ha terminado." ru="Это мероприятие завершилось."/>
  <s k="spoken" en="Language" fr="Langue" es="Idioma" ru="Язык"/>
  <s k="interpretation" en="Interpretation" fr="Interprétation"
     es="Interpretación" ru="Синхронный перевод"/>
  <s k="times" en="Time in other zones" fr="Heure dans d’autres fuseaux"
     es="Hora en otras zonas" ru="Время в других часовых поясах"/>
  <s k="time-zone" en="Time zone" fr="Fuseau horaire" es="Zona horaria"
     ru="Часовой пояс"/>
  <s k="starts" en="Starts" fr="Début" es="Comienza" ru="Начало"/>
  <s k="ends" en="Ends" fr="Fin" es="Termina" ru="Окончание"/>
  <s k="event-zone-note" en="(local time of the event)"
     fr="(heure locale de l’événement)" es="(hora local del evento)"
     ru="(местное время мероприятия)"/>
  <s k="speakers" en="Speakers" fr="Intervenants" es="Ponentes"
     ru="Выступающие"/>
  <s k="chair" en="Chair" fr="Présidence de séance" es="Presidencia"
     ru="Председатель"/>

  <!-- File sizes -->
  <s k="unit-b" en="bytes" fr="octets" es="bytes" ru="байт"/>
  <s k="unit-kb" en="kB" fr="Ko" es="kB" ru="КБ"/>
  <s k="unit-mb" en="MB" fr="Mo" es="MB" ru="МБ"/>
  <s k="decimal" en="." fr="," es="," ru=","/>

  <!-- Errors -->
  <s k="error" en="Error %1" fr="Erreur %1" es="Error %1" ru="Ошибка %1"/>
  <s k="error-400" en="Bad request" fr="Requête incorrecte"
     es="Solicitud incorrecta" ru="Неверный запрос"/>
  <s k="error-400-text"
     en="The address, or something sent with it, is not valid."
     fr="L’adresse, ou ce qui l’accompagne, n’est pas valide."
     es="La dirección, o lo que se envió con ella, no es válida."
     ru="Адрес или переданные с ним данные недействительны."/>
  <s k="error-404" en="Page not found" fr="Page introuvable"
     es="Página no encontrada" ru="Страница не найдена"/>
  <s k="error-404-text"
     en="There is nothing at this address. The page may have moved, or the link may be mistyped."
     fr="Il n’y a rien à cette adresse. La page a peut-être été déplacée, ou le lien contient une erreur."
     es="No hay nada en esta dirección. Puede que la página se haya movido o que el enlace tenga un error."
     ru="По этому адресу ничего нет. Возможно, страница перемещена или в ссылке ошибка."/>
  <s k="error-405" en="Method not allowed" fr="Méthode non autorisée"
     es="Método no permitido" ru="Метод не разрешён"/>
  <s k="error-405-text" en="This address can only be read."
     fr="Cette adresse est en lecture seule."
     es="Esta dirección solo se puede consultar."
     ru="Этот адрес доступен только для чтения."/>
  <s k="error-414" en="Address too long" fr="Adresse trop longue"
     es="Dirección demasiado larga" ru="Слишком длинный адрес"/>
  <s k="error-414-text" en="The address is longer than this site accepts."
     fr="L’adresse est plus longue que ce que ce site accepte."
     es="La dirección es más larga de lo que este sitio acepta."
     ru="Адрес длиннее, чем допускает этот сайт."/>
  <s k="error-500" en="Something went wrong" fr="Une erreur s’est produite"
     es="Algo salió mal" ru="Что-то пошло не так"/>
  <s k="error-500-text"
     en="We could not show this page. Please try again later."
     fr="Nous n’avons pas pu afficher cette page. Veuillez réessayer plus tard."
     es="No pudimos mostrar esta página. Vuelva a intentarlo más tarde."
     ru="Не удалось показать эту страницу. Попробуйте позже."/>
  <s k="error-503" en="Temporarily unavailable"
     fr="Temporairement indisponible" es="No disponible por el momento"
     ru="Временно недоступно"/>
  <s k="error-503-text"
     en="The site is briefly unavailable. Please try again in a minute."
     fr="Le site est brièvement indisponible. Veuillez réessayer dans une minute."
     es="El sitio no está disponible por un momento. Vuelva a intentarlo en un minuto."
     ru="Сайт ненадолго недоступен. Попробуйте через минуту."/>
  <s k="error-other-text" en="This request could not be answered."
     fr="Cette demande n’a pas pu aboutir."
     es="No se pudo responder a esta solicitud."
     ru="На этот запрос не удалось ответить."/>

</b:strings>

<!--
  Names of languages (BCP 47 primary subtags): "self" in the language
  itself, the others in each interface language, lower case where the
  language writes them so mid-sentence.
-->
<xsl:variable name="i18n-languages">
  <l c="en" self="English" en="English" fr="anglais" es="inglés" ru="английский"/>
  <l c="fr" self="Français" en="French" fr="français" es="francés" ru="французский"/>
  <l c="es" self="Español" en="Spanish" fr="espagnol" es="español" ru="испанский"/>
  <l c="ru" self="Русский" en="Russian" fr="russe" es="ruso" ru="русский"/>
  <l c="ar" self="العربية" en="Arabic" fr="arabe" es="árabe" ru="арабский"/>
  <l c="pt" self="Português" en="Portuguese" fr="portugais" es="portugués" ru="португальский"/>
  <l c="zh" self="中文" en="Chinese" fr="chinois" es="chino" ru="китайский"/>
  <l c="de" self="Deutsch" en="German" fr="allemand" es="alemán" ru="немецкий"/>
  <l c="it" self="Italiano" en="Italian" fr="italien" es="italiano" ru="итальянский"/>
  <l c="uk" self="Українська" en="Ukrainian" fr="ukrainien" es="ucraniano" ru="украинский"/>
  <l c="sw" self="Kiswahili" en="Swahili" fr="swahili" es="suajili" ru="суахили"/>
  <l c="hi" self="हिन्दी" en="Hindi" fr="hindi" es="hindi" ru="хинди"/>
  <l c="th" self="ไทย" en="Thai" fr="thaï" es="tailandés" ru="тайский"/>
  <l c="id" self="Bahasa Indonesia" en="Indonesian" fr="indonésien" es="indonesio" ru="индонезийский"/>
  <l c="vi" self="Tiếng Việt" en="Vietnamese" fr="vietnamien" es="vietnamita" ru="вьетнамский"/>
  <l c="fa" self="فارسی" en="Persian" fr="persan" es="persa" ru="персидский"/>
  <l c="ne" self="नेपाली" en="Nepali" fr="népalais" es="nepalí" ru="непальский"/>
  <l c="ka" self="ქართული" en="Georgian" fr="géorgien" es="georgiano" ru="грузинский"/>
  <l c="ky" self="Кыргызча" en="Kyrgyz" fr="kirghiz" es="kirguís" ru="киргизский"/>
  <l c="kk" self="Қазақ тілі" en="Kazakh" fr="kazakh" es="kazajo" ru="казахский"/>
  <l c="sgn" self="Sign language" en="sign language" fr="langue des signes" es="lengua de señas" ru="язык жестов"/>
</xsl:variable>

<xsl:variable name="i18n-langs" select="exsl:node-set($i18n-languages)/l"/>

<!--
  b:t(k), the interface string k in the page's language (else English,
  else k itself), is an extension function of render.c over b:strings.
-->

<!-- b:t(k) with %1 (and %2) replaced by a (and b). -->
<func:function name="b:fmt">
  <xsl:param name="k"/>
  <xsl:param name="a"/>
  <xsl:param name="b" select="''"/>
  <xsl:variable name="s" select="b:t($k)"/>
  <xsl:variable name="one">
    <xsl:choose>
      <xsl:when test="contains($s, '%1')">
        <xsl:value-of select="concat(substring-before($s, '%1'), $a,
            substring-after($s, '%1'))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:choose>
    <xsl:when test="contains($one, '%2')">
      <func:result select="concat(substring-before($one, '%2'), $b,
          substring-after($one, '%2'))"/>
    </xsl:when>
    <xsl:otherwise><func:result select="string($one)"/></xsl:otherwise>
  </xsl:choose>
</func:function>

<!--
  The name of language code in the page's language ("fr" on an English
  page: "French"); the primary subtag is used, the code if unknown.
-->
<func:function name="b:langname">
  <xsl:param name="code"/>
  <xsl:variable name="c" select="b:primary($code)"/>
  <xsl:variable name="l" select="$i18n-langs[@c = $c]"/>
  <xsl:choose>
    <xsl:when test="$l/@*[name() = $lang]">
      <func:result select="string($l/@*[name() = $lang])"/>
    </xsl:when>
    <xsl:when test="$l"><func:result select="string($l/@en)"/></xsl:when>
    <xsl:otherwise><func:result select="string($code)"/></xsl:otherwise>
  </xsl:choose>
</func:function>

<!-- The name of a language in that language ("Français"). -->
<func:function name="b:selfname">
  <xsl:param name="code"/>
  <xsl:variable name="l" select="$i18n-langs[@c = b:primary($code)]"/>
  <xsl:choose>
    <xsl:when test="$l"><func:result select="string($l/@self)"/></xsl:when>
    <xsl:otherwise><func:result select="string($code)"/></xsl:otherwise>
  </xsl:choose>
</func:function>

<!-- "pt-BR" -> "pt" -->
<func:function name="b:primary">
  <xsl:param name="code"/>
  <xsl:choose>
    <xsl:when test="contains($code, '-')">
      <func:result select="substring-before($code, '-')"/>
    </xsl:when>
    <xsl:otherwise><func:result select="string($code)"/></xsl:otherwise>
  </xsl:choose>
</func:function>

<!-- "3 items", "1 item": the count of a tag or organisation. -->
<func:function name="b:count">
  <xsl:param name="n"/>
  <func:result select="b:fmt(concat('items-count',
      substring('-one', 1, 4 * (number($n) = 1))), $n)"/>
</func:function>

<!-- A byte count for readers: "1.2 MB", "340 kB" (decimal units). -->
<func:function name="b:size">
  <xsl:param name="bytes"/>
  <xsl:variable name="n" select="number($bytes)"/>
  <xsl:choose>
    <xsl:when test="$n &gt;= 1000000">
      <func:result select="concat(translate(format-number($n div 1000000,
          '0.0'), '.', b:t('decimal')), '&#160;', b:t('unit-mb'))"/>
    </xsl:when>
    <xsl:when test="$n &gt;= 1000">
      <func:result select="concat(format-number($n div 1000, '0'),
          '&#160;', b:t('unit-kb'))"/>
    </xsl:when>
    <xsl:otherwise>
      <func:result select="concat(format-number($n, '0'), '&#160;',
          b:t('unit-b'))"/>
    </xsl:otherwise>
  </xsl:choose>
</func:function>

<!-- A file's type for readers: "PDF", from its MIME type or name. -->
<func:function name="b:filetype">
  <xsl:param name="mime"/>
  <xsl:param name="name"/>
  <xsl:choose>
    <xsl:when test="$mime = 'application/pdf'"><func:result select="'PDF'"/></xsl:when>
    <xsl:when test="$mime = 'image/jpeg'"><func:result select="'JPEG'"/></xsl:when>
    <xsl:when test="$mime = 'image/png'"><func:result select="'PNG'"/></xsl:when>
    <xsl:when test="$mime = 'image/webp'"><func:result select="'WebP'"/></xsl:when>
    <xsl:when test="$mime = 'text/csv'"><func:result select="'CSV'"/></xsl:when>
    <xsl:otherwise>
      <func:result select="translate(b:extension($name),
          'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/>
    </xsl:otherwise>
  </xsl:choose>
</func:function>

<!-- What follows the last dot of a file name. -->
<func:function name="b:extension">
  <xsl:param name="name"/>
  <xsl:choose>
    <xsl:when test="contains($name, '.')">
      <func:result select="b:extension(substring-after($name, '.'))"/>
    </xsl:when>
    <xsl:otherwise><func:result select="string($name)"/></xsl:otherwise>
  </xsl:choose>
</func:function>

<!-- What follows the last slash of a zone name, for readers. -->
<func:function name="b:city">
  <xsl:param name="zone"/>
  <xsl:choose>
    <xsl:when test="contains($zone, '/')">
      <func:result select="b:city(substring-after($zone, '/'))"/>
    </xsl:when>
    <xsl:otherwise>
      <func:result select="translate($zone, '_', ' ')"/>
    </xsl:otherwise>
  </xsl:choose>
</func:function>

<!-- A zone abbreviation for readers: "+07" is shown as "UTC+07". -->
<func:function name="b:abbrev">
  <xsl:param name="a"/>
  <xsl:choose>
    <xsl:when test="starts-with($a, '+') or starts-with($a, '-')">
      <func:result select="concat('UTC', $a)"/>
    </xsl:when>
    <xsl:otherwise><func:result select="string($a)"/></xsl:otherwise>
  </xsl:choose>
</func:function>

</xsl:stylesheet>
