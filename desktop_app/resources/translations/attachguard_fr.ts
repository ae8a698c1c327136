<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About AttachGuard</source>
        <translation>À propos d&apos;AttachGuard</translation>
    </message>
    <message>
        <source>Versions and licences</source>
        <translation>Versions et licences</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Fermer cette fenêtre</translation>
    </message>
</context>
<context>
    <name>AddSummary</name>
    <message>
        <source>not tried after the disk filled</source>
        <extracomment>Job states the user may retry at once; &quot;no job&quot; and cancelled ones are queued afresh. Uploaded once, then the server let the file go: &quot;Upload again&quot; sends the backup once more. States whose job must be cancelled before the document is removed.</extracomment>
        <translation>non essayé après que le disque s&apos;est rempli</translation>
    </message>
    <message>
        <source>Backed up 1 document</source>
        <translation>1 document sauvegardé</translation>
    </message>
    <message>
        <source>Backed up {count} documents</source>
        <translation>{count} documents sauvegardés</translation>
    </message>
    <message>
        <source>, queued {queued} for upload</source>
        <translation>, {queued} en attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Nothing was added.</source>
        <translation>Rien n&apos;a été ajouté.</translation>
    </message>
    <message>
        <source>Skipped {count}: {shown} (and {more} more).</source>
        <translation>{count} ignoré(s) : {shown} (et {more} de plus).</translation>
    </message>
    <message>
        <source>Skipped {count}: {shown}.</source>
        <translation>{count} ignoré(s) : {shown}.</translation>
    </message>
</context>
<context>
    <name>BatchJobsView</name>
    <message>
        <source>Batch jobs</source>
        <extracomment>Ages are shown in minutes: repaint them once a minute. After every list read (carries the list of ``BatchView``).
----------
The Resubmit… confirmation while it is open (tests answer it like a user would).</extracomment>
        <translation>Tâches Batch</translation>
    </message>
    <message>
        <source>Batch jobs table</source>
        <translation>Tableau des tâches Batch</translation>
    </message>
    <message>
        <source>Your Batch jobs and their state; the buttons act on the selected job</source>
        <translation>Vos tâches Batch et leur état ; les boutons agissent sur la tâche sélectionnée</translation>
    </message>
    <message>
        <source>No Batch jobs seen yet. Check now lists them (needs an API key).</source>
        <translation>Aucune tâche Batch vue pour l&apos;instant. « Vérifier » les liste (nécessite une clé API).</translation>
    </message>
    <message>
        <source>No Batch jobs</source>
        <translation>Aucune tâche Batch</translation>
    </message>
    <message>
        <source>&amp;Resubmit…</source>
        <translation>&amp;Resoumettre…</translation>
    </message>
    <message>
        <source>Create a new batch from the backed-up input</source>
        <translation>Créer un nouveau lot à partir de l&apos;entrée sauvegardée</translation>
    </message>
    <message>
        <source>&amp;Back up input</source>
        <translation>&amp;Sauvegarder l&apos;entrée</translation>
    </message>
    <message>
        <source>Download this batch&apos;s input file into the vault</source>
        <translation>Télécharger le fichier d&apos;entrée de ce lot dans le coffre</translation>
    </message>
    <message>
        <source>Copy batch &amp;id</source>
        <translation>Copier l&apos;&amp;identifiant du lot</translation>
    </message>
    <message>
        <source>Copy the batch id to the clipboard</source>
        <translation>Copier l&apos;identifiant du lot dans le presse-papiers</translation>
    </message>
    <message>
        <source>No Batch jobs on this account.</source>
        <translation>Aucune tâche Batch sur ce compte.</translation>
    </message>
    <message>
        <source>Cannot read the Batch jobs: {error}</source>
        <translation>Impossible de lire les tâches Batch : {error}</translation>
    </message>
    <message>
        <source>Batch actions</source>
        <translation>Actions sur les lots</translation>
    </message>
    <message>
        <source>Copied batch id {batch}.</source>
        <translation>Identifiant du lot {batch} copié.</translation>
    </message>
    <message>
        <source>Backing up the input of {batch}…</source>
        <translation>Sauvegarde de l&apos;entrée de {batch}…</translation>
    </message>
    <message>
        <source>The input of {batch} is backed up.</source>
        <translation>L&apos;entrée de {batch} est sauvegardée.</translation>
    </message>
    <message>
        <source>Back up of {batch} failed: {error}</source>
        <translation>La sauvegarde de {batch} a échoué : {error}</translation>
    </message>
    <message>
        <source>Resubmit batch</source>
        <translation>Resoumettre le lot</translation>
    </message>
    <message>
        <source>Resubmit batch {batch}?</source>
        <translation>Resoumettre le lot {batch} ?</translation>
    </message>
    <message>
        <source>its input file backed up in the vault</source>
        <translation>son fichier d&apos;entrée sauvegardé dans le coffre</translation>
    </message>
    <message>
        <source>its input file (downloaded into the vault first, if the server still has it)</source>
        <translation>son fichier d&apos;entrée (d&apos;abord téléchargé dans le coffre, si le serveur l&apos;a encore)</translation>
    </message>
    <message>
        <source>A new batch will be created from {source}, with the same endpoint ({endpoint}), completion window ({window}) and metadata. The old batch is not cancelled: it stays {status}, and if it still finishes, both may be billed.</source>
        <translation>Un nouveau lot sera créé à partir de {source}, avec le même point d&apos;accès ({endpoint}), la même fenêtre d&apos;exécution ({window}) et les mêmes métadonnées. L&apos;ancien lot n&apos;est pas annulé : il reste {status}, et s&apos;il se termine quand même, les deux peuvent être facturés.</translation>
    </message>
    <message>
        <source>&amp;Resubmit</source>
        <translation>&amp;Resoumettre</translation>
    </message>
    <message>
        <source>{batch} was not resubmitted.</source>
        <translation>{batch} n&apos;a pas été resoumis.</translation>
    </message>
    <message>
        <source>Resubmitting {batch}…</source>
        <translation>Resoumission de {batch}…</translation>
    </message>
    <message>
        <source>Resubmitted {batch} as {new} (the old batch was not cancelled).</source>
        <translation>{batch} resoumis en tant que {new} (l&apos;ancien lot n&apos;a pas été annulé).</translation>
    </message>
    <message>
        <source>Resubmit of {batch} failed: {error}</source>
        <translation>La resoumission de {batch} a échoué : {error}</translation>
    </message>
</context>
<context>
    <name>CopyAgainMenu</name>
    <message>
        <source>{tokens} tokens</source>
        <extracomment>How many of the (up to 20) noted copies the menu lists.</extracomment>
        <translation>{tokens} jetons</translation>
    </message>
    <message>
        <source>pages {pages}</source>
        <translation>pages {pages}</translation>
    </message>
    <message>
        <source>sheet {sheet}</source>
        <translation>feuille {sheet}</translation>
    </message>
    <message>
        <source>{name} — part {part} of {parts}</source>
        <translation>{name} — partie {part} sur {parts}</translation>
    </message>
    <message>
        <source>Copy a&amp;gain</source>
        <extracomment>The outcome of a copy again (a ``CopyResult``). The list was read again (the records shown, newest first).</extracomment>
        <translation>Copier à &amp;nouveau</translation>
    </message>
    <message>
        <source>Copy a recent copy again</source>
        <translation>Copier à nouveau une copie récente</translation>
    </message>
    <message>
        <source>Put a text you copied before on the clipboard again</source>
        <translation>Remettre dans le presse-papiers un texte copié auparavant</translation>
    </message>
    <message>
        <source>Nothing copied yet</source>
        <translation>Rien n&apos;a encore été copié</translation>
    </message>
    <message>
        <source>Texts you copy for ChatGPT are listed here, to copy again</source>
        <translation>Les textes copiés pour ChatGPT sont listés ici, pour les copier à nouveau</translation>
    </message>
    <message>
        <source>Put {what} on the clipboard again</source>
        <translation>Remettre {what} dans le presse-papiers</translation>
    </message>
</context>
<context>
    <name>CopyButtonDelegate</name>
    <message>
        <source>Copy text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <source>Copy this document&apos;s text, to paste into ChatGPT instead of the file</source>
        <extracomment>Still to be uploaded: stuck when held by OpenAI&apos;s trouble, or waiting after an error. The clicked row&apos;s ``DocumentRow``.</extracomment>
        <translation>Copier le texte de ce document, pour le coller dans ChatGPT à la place du fichier</translation>
    </message>
</context>
<context>
    <name>Copying</name>
    <message>
        <source>there is no text to copy for that document</source>
        <extracomment>A later copy was asked for before this one finished: nothing was copied for this one. Request numbers (GUI thread only): the clipboard takes the result of the latest request.</extracomment>
        <translation>il n&apos;y a pas de texte à copier pour ce document</translation>
    </message>
    <message>
        <source>it is no longer backed up here</source>
        <translation>il n&apos;est plus sauvegardé ici</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} documents</translation>
    </message>
    <message>
        <source>Copied part {part} of {parts} of the text of {what}. Paste it into ChatGPT instead of the file.</source>
        <translation>Partie {part} sur {parts} du texte de {what} copiée. Collez-la dans ChatGPT à la place du fichier.</translation>
    </message>
    <message>
        <source>Copied the text of {what}. Paste it into ChatGPT instead of the file.</source>
        <translation>Texte de {what} copié. Collez-le dans ChatGPT à la place du fichier.</translation>
    </message>
    <message>
        <source>something went wrong while extracting the text (details are in the log)</source>
        <translation>un problème est survenu lors de l&apos;extraction du texte (détails dans le journal)</translation>
    </message>
    <message>
        <source>Could not copy {what} again: {reason}; the clipboard was left unchanged.</source>
        <translation>Impossible de copier à nouveau {what} : {reason} ; le presse-papiers n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>Could not copy the text: {reason} The clipboard was left unchanged.</source>
        <translation>Impossible de copier le texte : {reason} Le presse-papiers n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>Not copied: a later copy replaced this one.</source>
        <translation>Non copié : une copie plus récente a remplacé celle-ci.</translation>
    </message>
    <message>
        <source>There is no document to copy text from yet: add one.</source>
        <translation>Il n&apos;y a encore aucun document dont copier le texte : ajoutez-en un.</translation>
    </message>
    <message>
        <source>Choose a document first.</source>
        <translation>Choisissez d&apos;abord un document.</translation>
    </message>
    <message>
        <source>There is no text to copy.</source>
        <translation>Il n&apos;y a pas de texte à copier.</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>le document</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Queued</source>
        <extracomment>How long the selection must rest before the preview follows it (arrow keys through rows).</extracomment>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Waiting to retry</source>
        <translation>En attente d&apos;un nouvel essai</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Expired on the server</source>
        <translation>Expiré sur le serveur</translation>
    </message>
    <message>
        <source>(next try {when})</source>
        <extracomment>Job states in which an upload refused as expired is tried again.</extracomment>
        <translation>(prochain essai {when})</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>Dernière erreur : {error}</translation>
    </message>
    <message>
        <source>Restore to folder</source>
        <extracomment>One sentence for the status bar (restore done, cannot open, ...). The details read on the pool are shown (history, vault path, buttons).</extracomment>
        <translation>Restaurer dans un dossier</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Détails du document</translation>
    </message>
    <message>
        <source>Document name</source>
        <translation>Nom du document</translation>
    </message>
    <message>
        <source>Status and reason</source>
        <translation>État et raison</translation>
    </message>
    <message>
        <source>Remote file id and expiry</source>
        <translation>Identifiant et expiration du fichier distant</translation>
    </message>
    <message>
        <source>Backup copy</source>
        <translation>Copie de sauvegarde</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Remote file:</source>
        <translation>Fichier distant :</translation>
    </message>
    <message>
        <source>Backup copy:</source>
        <translation>Copie de sauvegarde :</translation>
    </message>
    <message>
        <source>Added:</source>
        <translation>Ajouté :</translation>
    </message>
    <message>
        <source>Upload attempts</source>
        <translation>Essais d&apos;envoi</translation>
    </message>
    <message>
        <source>Each try to upload this document: when, to which target, and what went wrong</source>
        <translation>Chaque tentative d&apos;envoi de ce document : quand, vers quelle destination et ce qui a échoué</translation>
    </message>
    <message>
        <source>First try</source>
        <translation>Premier essai</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Essais</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>&amp;Open original</source>
        <translation>&amp;Ouvrir l&apos;original</translation>
    </message>
    <message>
        <source>Open a read-only copy of the backup in its usual app</source>
        <translation>Ouvrir une copie en lecture seule de la sauvegarde dans son application habituelle</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Afficher dans le &amp;dossier</translation>
    </message>
    <message>
        <source>Show the folder holding the backup copy</source>
        <translation>Afficher le dossier contenant la copie de sauvegarde</translation>
    </message>
    <message>
        <source>Restore &amp;to…</source>
        <translation>Res&amp;taurer vers…</translation>
    </message>
    <message>
        <source>Copy the backup out to a folder you choose</source>
        <translation>Copier la sauvegarde dans le dossier de votre choix</translation>
    </message>
    <message>
        <source>Preview te&amp;xt</source>
        <translation>Aperçu du te&amp;xte</translation>
    </message>
    <message>
        <source>Show the text as it would be pasted into ChatGPT, for this and the next documents you select</source>
        <translation>Afficher le texte tel qu&apos;il serait collé dans ChatGPT, pour ce document et les suivants que vous sélectionnez</translation>
    </message>
    <message>
        <source>Uploads:</source>
        <translation>Envois :</translation>
    </message>
    <message>
        <source>Everything about the selected document; the arrow keys scroll</source>
        <translation>Tout sur le document sélectionné ; les flèches font défiler</translation>
    </message>
    <message>
        <source>Select a document to see its details.</source>
        <translation>Sélectionnez un document pour voir ses détails.</translation>
    </message>
    <message>
        <source>{count} documents selected: select one to see its details.</source>
        <translation>{count} documents sélectionnés : sélectionnez-en un pour voir ses détails.</translation>
    </message>
    <message>
        <source>expires {when}</source>
        <translation>expire le {when}</translation>
    </message>
    <message>
        <source>kept until deleted</source>
        <translation>conservé jusqu&apos;à suppression</translation>
    </message>
    <message>
        <source>expired on the server, will be uploaded again</source>
        <translation>expiré sur le serveur, sera envoyé à nouveau</translation>
    </message>
    <message>
        <source>not uploaded</source>
        <translation>non envoyé</translation>
    </message>
    <message>
        <source>{count} times</source>
        <translation>{count} fois</translation>
    </message>
    <message>
        <source>Cannot read the details: {error}</source>
        <translation>Impossible de lire les détails : {error}</translation>
    </message>
    <message>
        <source>The backup copy is missing: run “attachguard verify”.</source>
        <translation>La copie de sauvegarde est absente : lancez « attachguard verify ».</translation>
    </message>
    <message>
        <source>from {path}</source>
        <translation>depuis {path}</translation>
    </message>
    <message>
        <source>No app could open “{name}” ({path}).</source>
        <translation>Aucune application n&apos;a pu ouvrir « {name} » ({path}).</translation>
    </message>
    <message>
        <source>Opened a read-only copy of “{name}”.</source>
        <translation>Copie en lecture seule de « {name} » ouverte.</translation>
    </message>
    <message>
        <source>Opening the original</source>
        <translation>L&apos;ouverture de l&apos;original</translation>
    </message>
    <message>
        <source>Could not open {path}.</source>
        <translation>Impossible d&apos;ouvrir {path}.</translation>
    </message>
    <message>
        <source>Restored {path}.</source>
        <translation>{path} restauré.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>La restauration</translation>
    </message>
    <message>
        <source>{what} failed: {error}</source>
        <translation>{what} a échoué : {error}</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>{count} documents</source>
        <translation>{count} documents</translation>
    </message>
    <message>
        <source>Restore to folder</source>
        <extracomment>Every &quot;Copy text instead&quot; outcome (a ``CopyResult``), e.g. for a tray notification.</extracomment>
        <translation>Restaurer dans un dossier</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Réessayer maintenant</translation>
    </message>
    <message>
        <source>Upload again now</source>
        <translation>Envoyer à nouveau maintenant</translation>
    </message>
    <message>
        <source>&amp;Upload again</source>
        <translation>&amp;Envoyer à nouveau</translation>
    </message>
    <message>
        <source>Upload the backup again: the file expired on OpenAI&apos;s side</source>
        <translation>Envoyer à nouveau la sauvegarde : le fichier a expiré chez OpenAI</translation>
    </message>
    <message>
        <source>Copy &amp;text instead</source>
        <translation>Copier le &amp;texte à la place</translation>
    </message>
    <message>
        <source>Put the document&apos;s text on the clipboard, to paste instead of the file</source>
        <translation>Placer le texte du document dans le presse-papiers, à coller à la place du fichier</translation>
    </message>
    <message>
        <source>Copy file &amp;id</source>
        <translation>Copier l&apos;&amp;identifiant du fichier</translation>
    </message>
    <message>
        <source>Copy the remote file id</source>
        <translation>Copier l&apos;identifiant du fichier distant</translation>
    </message>
    <message>
        <source>Open &amp;backup folder</source>
        <translation>Ouvrir le dossier de &amp;sauvegarde</translation>
    </message>
    <message>
        <source>Show the folder holding the backup copy</source>
        <translation>Afficher le dossier contenant la copie de sauvegarde</translation>
    </message>
    <message>
        <source>Re&amp;store to…</source>
        <translation>Res&amp;taurer vers…</translation>
    </message>
    <message>
        <source>Copy the backup out to a folder</source>
        <translation>Copier la sauvegarde dans un dossier</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Forget the backup</source>
        <translation>Oublier la sauvegarde</translation>
    </message>
    <message>
        <source>Nothing to retry: the selected uploads are done or in progress.</source>
        <translation>Rien à réessayer : les envois sélectionnés sont terminés ou en cours.</translation>
    </message>
    <message>
        <source>Retrying 1 upload now.</source>
        <translation>Nouvel essai pour 1 envoi maintenant.</translation>
    </message>
    <message>
        <source>Retrying {count} uploads now.</source>
        <translation>Nouvel essai pour {count} envois maintenant.</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Rien à réessayer.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Nothing to upload again: none of the selected uploads expired.</source>
        <translation>Rien à renvoyer : aucun des envois sélectionnés n&apos;a expiré.</translation>
    </message>
    <message>
        <source>Uploading 1 document again.</source>
        <translation>Nouvel envoi de 1 document.</translation>
    </message>
    <message>
        <source>Uploading {count} documents again.</source>
        <translation>Nouvel envoi de {count} documents.</translation>
    </message>
    <message>
        <source>Nothing to upload.</source>
        <translation>Rien à envoyer.</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>L&apos;envoi</translation>
    </message>
    <message>
        <source>Extracting the text of {what}…</source>
        <translation>Extraction du texte de {what}…</translation>
    </message>
    <message>
        <source>Press {keys} again for part {part}.</source>
        <translation>Appuyez de nouveau sur {keys} pour la partie {part}.</translation>
    </message>
    <message>
        <source>The selected documents have no remote file id yet.</source>
        <translation>Les documents sélectionnés n&apos;ont pas encore d&apos;identifiant de fichier distant.</translation>
    </message>
    <message>
        <source>Copied {file_id}.</source>
        <translation>{file_id} copié.</translation>
    </message>
    <message>
        <source>Copied {count} file ids.</source>
        <translation>{count} identifiants de fichier copiés.</translation>
    </message>
    <message>
        <source>Could not open {path}.</source>
        <translation>Impossible d&apos;ouvrir {path}.</translation>
    </message>
    <message>
        <source>Open backup folder</source>
        <translation>Ouvrir le dossier de sauvegarde</translation>
    </message>
    <message>
        <source>Restored {path}.</source>
        <translation>{path} restauré.</translation>
    </message>
    <message>
        <source>Restored {count} documents to {folder}.</source>
        <translation>{count} documents restaurés dans {folder}.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>La restauration</translation>
    </message>
    <message>
        <source>Remove {what} from AttachGuard? The backup copy is deleted; the original file and any uploaded copy are left alone.</source>
        <translation>Supprimer {what} d&apos;AttachGuard ? La copie de sauvegarde est effacée ; le fichier original et toute copie envoyée restent intacts.</translation>
    </message>
    <message>
        <source>Removed {what}.</source>
        <translation>{what} supprimé.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>{what} failed: {error}</source>
        <translation>{what} a échoué : {error}</translation>
    </message>
    <message>
        <source>Remove documents</source>
        <translation>Supprimer des documents</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Essais</translation>
    </message>
    <message>
        <source>Remote file</source>
        <translation>Fichier distant</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Failed: {reason}</source>
        <extracomment>What each fixed column must show unclipped: widths follow the font, and Name (stretched) gets the rest. Fixed pixel widths left Name ~60 px wide (&quot;quarte…&quot;) in a 900 px window. Columns whose tooltip lists the document&apos;s state and file id per target.</extracomment>
        <translation>Échec : {reason}</translation>
    </message>
    <message>
        <source>when OpenAI recovers</source>
        <extracomment>The whole :class:`DocumentRow` of an index (any column). Upload progress 0..1 for the status column while uploading, else None. True while OpenAI&apos;s trouble holds the queue (breaker open, outage): waiting rows wait for it. Said instead of a retry time while the queue is held (as the status bar says it).</extracomment>
        <translation>dès qu’OpenAI sera rétabli</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Tous les documents</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Not uploaded</source>
        <translation>Non envoyé</translation>
    </message>
    <message>
        <source>the remote file expired</source>
        <translation>le fichier distant a expiré</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>débit limité</translation>
    </message>
    <message>
        <source>server error</source>
        <translation>erreur du serveur</translation>
    </message>
    <message>
        <source>network problem</source>
        <translation>problème de réseau</translation>
    </message>
    <message>
        <source>API key rejected</source>
        <translation>clé API refusée</translation>
    </message>
    <message>
        <source>file too large</source>
        <translation>fichier trop volumineux</translation>
    </message>
    <message>
        <source>rejected by the service</source>
        <translation>refusé par le service</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Sauvegardé</translation>
    </message>
    <message>
        <source>Uploading {percent}</source>
        <translation>Envoi {percent}</translation>
    </message>
    <message>
        <source>Retrying {when}</source>
        <translation>Nouvel essai {when}</translation>
    </message>
    <message>
        <source>Uploaded (remote copy expired)</source>
        <translation>Envoyé (copie distante expirée)</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>(added {count}×)</source>
        <translation>(ajouté {count}×)</translation>
    </message>
    <message>
        <source>next {when}</source>
        <translation>prochain {when}</translation>
    </message>
    <message>
        <source>The uploaded file is no longer on OpenAI{why}. It is still backed up here: use “Upload again” or “Copy text instead”.</source>
        <translation>Le fichier envoyé n&apos;est plus chez OpenAI{why}. Il est toujours sauvegardé ici : utilisez « Envoyer à nouveau » ou « Copier le texte à la place ».</translation>
    </message>
    <message>
        <source>Use “Copy text instead” to paste its text.</source>
        <translation>Utilisez « Copier le texte à la place » pour coller son texte.</translation>
    </message>
    <message>
        <source>Added {count} times (the latest name is shown)</source>
        <translation>Ajouté {count} fois (le nom le plus récent est affiché)</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Drop zone</source>
        <extracomment>Emitted with a :class:`DroppedPaths` for every accepted drop.</extracomment>
        <translation>Zone de dépôt</translation>
    </message>
    <message>
        <source>Drop files or folders here to back them up and upload them. Folders are added with everything inside them.</source>
        <translation>Déposez ici des fichiers ou des dossiers pour les sauvegarder et les envoyer. Les dossiers sont ajoutés avec tout leur contenu.</translation>
    </message>
    <message>
        <source>Drop files or folders here</source>
        <translation>Déposez des fichiers ou des dossiers ici</translation>
    </message>
    <message>
        <source>They are backed up first, then uploaded. You can also paste (Ctrl+V).</source>
        <translation>Ils sont d&apos;abord sauvegardés, puis envoyés. Vous pouvez aussi coller (Ctrl+V).</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Ajouter des fichiers</translation>
    </message>
    <message>
        <source>Choose files to back up and upload (Ctrl+O)</source>
        <translation>Choisir des fichiers à sauvegarder et envoyer (Ctrl+O)</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <source>Add folder</source>
        <translation>Ajouter un dossier</translation>
    </message>
    <message>
        <source>Choose a folder; everything inside it is added (Ctrl+Shift+O)</source>
        <translation>Choisir un dossier ; tout son contenu est ajouté (Ctrl+Maj+O)</translation>
    </message>
</context>
<context>
    <name>FailoverPresenter</name>
    <message>
        <source> and </source>
        <extracomment>The key of the offer notice&apos;s button (``NoticeDisplay.on_action``). Documents named one by one in the after-notice, at most (more: a count).</extracomment>
        <translation> et </translation>
    </message>
    <message>
        <source>document is</source>
        <translation>document attend</translation>
    </message>
    <message>
        <source>documents are</source>
        <translation>documents attendent</translation>
    </message>
    <message>
        <source>{primary} has not taken uploads for more than {minutes:g} minutes and {count} {noun} waiting for it. Upload them to {secondary} instead? They stay queued for {primary} too; choose “Upload to {secondary} instead” here or in the tray menu.</source>
        <translation>{primary} n&apos;accepte plus d&apos;envois depuis plus de {minutes:g} minutes et {count} {noun} après lui. Les envoyer plutôt vers {secondary} ? Ils restent aussi en attente pour {primary} ; choisissez « Envoyer plutôt vers {secondary} » ici ou dans le menu de la zone de notification.</translation>
    </message>
    <message>
        <source>Upload to {secondary} instead</source>
        <translation>Envoyer plutôt vers {secondary}</translation>
    </message>
    <message>
        <source>{primary} uploads are held</source>
        <translation>Les envois vers {primary} sont retenus</translation>
    </message>
    <message>
        <source>None of the {count} documents could be uploaded to {secondary} either.</source>
        <translation>Aucun des {count} documents n&apos;a pu être envoyé vers {secondary} non plus.</translation>
    </message>
    <message>
        <source>is</source>
        <translation>est</translation>
    </message>
    <message>
        <source>are</source>
        <translation>sont</translation>
    </message>
    <message>
        <source>it stays</source>
        <translation>il y reste</translation>
    </message>
    <message>
        <source>they stay</source>
        <translation>ils y restent</translation>
    </message>
    <message>
        <source>{named} {verb} now on {secondary}; {stay} there when {primary} recovers.</source>
        <translation>{named} {verb} maintenant sur {secondary} ; {stay} quand {primary} se rétablit.</translation>
    </message>
    <message>
        <source>{count} documents are now on {secondary} (their file ids are in the window&apos;s details); they stay there when {primary} recovers.</source>
        <translation>{count} documents sont maintenant sur {secondary} (leurs identifiants de fichier sont dans les détails de la fenêtre) ; ils y restent quand {primary} se rétablit.</translation>
    </message>
    <message>
        <source>{missed} could not be uploaded there either.</source>
        <translation>{missed} n&apos;ont pas pu y être envoyés non plus.</translation>
    </message>
    <message>
        <source>Everything is still backed up here.</source>
        <translation>Tout est toujours sauvegardé ici.</translation>
    </message>
    <message>
        <source>Uploaded to {secondary} instead</source>
        <translation>Envoyé plutôt vers {secondary}</translation>
    </message>
    <message>
        <source>Upload the documents held for {primary} to {secondary} now; they stay there when {primary} recovers</source>
        <extracomment>The standing offer each time it changes (None: withdrawn or taken). Every notice this presenter showed (the offer, then each after-notice).</extracomment>
        <translation>Envoyer maintenant vers {secondary} les documents retenus pour {primary} ; ils y restent quand {primary} se rétablit</translation>
    </message>
    <message>
        <source>No document is waiting any more: nothing to upload.</source>
        <translation>Plus aucun document n&apos;attend : rien à envoyer.</translation>
    </message>
    <message>
        <source>Could not queue the documents: {error}</source>
        <translation>Impossible de mettre les documents en attente : {error}</translation>
    </message>
</context>
<context>
    <name>HealthModel</name>
    <message>
        <source>operational</source>
        <extracomment>The provider&apos;s name in the status bar (the status page is OpenAI&apos;s by default).</extracomment>
        <translation>opérationnel</translation>
    </message>
    <message>
        <source>degraded performance</source>
        <translation>performances dégradées</translation>
    </message>
    <message>
        <source>under maintenance</source>
        <translation>en maintenance</translation>
    </message>
    <message>
        <source>partial outage</source>
        <translation>panne partielle</translation>
    </message>
    <message>
        <source>major outage</source>
        <translation>panne majeure</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>{provider} status unknown</source>
        <translation>État de {provider} inconnu</translation>
    </message>
    <message>
        <source>{provider}: operational</source>
        <translation>{provider} : opérationnel</translation>
    </message>
    <message>
        <source>Last checked {when}</source>
        <translation>Dernière vérification {when}</translation>
    </message>
    <message>
        <source>Status page not checked yet — unknown (use Check now)</source>
        <translation>Page d&apos;état pas encore vérifiée — inconnu (utilisez « Vérifier »)</translation>
    </message>
    <message>
        <source>Status checks are turned off in the settings — unknown</source>
        <translation>Les vérifications d&apos;état sont désactivées dans les paramètres — inconnu</translation>
    </message>
    <message>
        <source> (tried {when})</source>
        <translation> (essayé {when})</translation>
    </message>
    <message>
        <source>Status page unreachable — unknown: {reason}</source>
        <translation>Page d&apos;état injoignable — inconnu : {reason}</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Stuck?</source>
        <translation>Bloqué ?</translation>
    </message>
    <message>
        <source>In this status</source>
        <translation>Dans cet état</translation>
    </message>
    <message>
        <source>Requests done</source>
        <translation>Requêtes traitées</translation>
    </message>
    <message>
        <source>Input backup</source>
        <translation>Sauvegarde de l&apos;entrée</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point d&apos;accès</translation>
    </message>
    <message>
        <source>, {count} failed</source>
        <extracomment>The whole :class:`BatchView` of an index (any column).</extracomment>
        <translation>, {count} en échec</translation>
    </message>
    <message>
        <source>backed up · resubmitted as {batch}</source>
        <translation>sauvegardée · resoumise en tant que {batch}</translation>
    </message>
    <message>
        <source>backed up</source>
        <translation>sauvegardée</translation>
    </message>
    <message>
        <source>not backed up: {error}</source>
        <translation>non sauvegardée : {error}</translation>
    </message>
    <message>
        <source>not backed up</source>
        <translation>non sauvegardée</translation>
    </message>
    <message>
        <source>Stuck: {reason}. Resubmit… creates a new batch from the backup.</source>
        <translation>Bloqué : {reason}. « Resoumettre… » crée un nouveau lot à partir de la sauvegarde.</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>held: its status page reports an outage</source>
        <translation>retenu : sa page d&apos;état signale une panne</translation>
    </message>
    <message>
        <source>held: no API key</source>
        <translation>retenu : aucune clé API</translation>
    </message>
    <message>
        <source>held: the API key was refused</source>
        <translation>retenu : la clé API a été refusée</translation>
    </message>
    <message>
        <source>no API key: uploads to it wait</source>
        <translation>aucune clé API : les envois vers cette cible attendent</translation>
    </message>
    <message>
        <source>held ({reason})</source>
        <translation>retenu ({reason})</translation>
    </message>
    <message>
        <source>held: repeated failures (breaker open, next try {when})</source>
        <translation>retenu : échecs répétés (disjoncteur ouvert, prochain essai {when})</translation>
    </message>
    <message>
        <source>held: repeated failures (breaker open)</source>
        <translation>retenu : échecs répétés (disjoncteur ouvert)</translation>
    </message>
    <message>
        <source>rate limited until {when}</source>
        <translation>débit limité jusqu&apos;à {when}</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <source>; {count} unfinished</source>
        <translation> ; {count} en cours</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>Service health</source>
        <extracomment>After a snapshot was painted (carries it; None when the service has no monitor). How incident links are opened (a seam so tests never start a browser). Brings this panel to the front (:func:`install` makes it switch tabs).</extracomment>
        <translation>État du service</translation>
    </message>
    <message>
        <source>Provider status</source>
        <translation>État du fournisseur</translation>
    </message>
    <message>
        <source>The provider&apos;s status page, as last checked (Ctrl+2)</source>
        <translation>La page d&apos;état du fournisseur, lors de la dernière vérification (Ctrl+2)</translation>
    </message>
    <message>
        <source>Status page last checked</source>
        <translation>Dernière vérification de la page d&apos;état</translation>
    </message>
    <message>
        <source>Open incidents</source>
        <translation>Incidents en cours</translation>
    </message>
    <message>
        <source>The provider&apos;s unresolved incidents, newest first, with their latest update</source>
        <translation>Les incidents non résolus du fournisseur, les plus récents d&apos;abord, avec leur dernière mise à jour</translation>
    </message>
    <message>
        <source>Open incident</source>
        <translation>Incident en cours</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message>
        <source>Open incident &amp;page</source>
        <translation>Ouvrir la &amp;page de l&apos;incident</translation>
    </message>
    <message>
        <source>Open the selected incident in the browser</source>
        <translation>Ouvrir l&apos;incident sélectionné dans le navigateur</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Check the status page and your Batch jobs now (Alt+C)</source>
        <translation>Vérifier maintenant la page d&apos;état et vos tâches Batch (Alt+V)</translation>
    </message>
    <message>
        <source>Status checks are not available</source>
        <translation>Les vérifications d&apos;état ne sont pas disponibles</translation>
    </message>
    <message>
        <source>{component} status</source>
        <translation>État de {component}</translation>
    </message>
    <message>
        <source>The status page gives no link</source>
        <translation>La page d&apos;état ne donne aucun lien</translation>
    </message>
    <message>
        <source>The status page gives no link for this incident.</source>
        <translation>La page d&apos;état ne donne aucun lien pour cet incident.</translation>
    </message>
    <message>
        <source>Status checked; Batch jobs not: {error}</source>
        <translation>État vérifié ; tâches Batch non : {error}</translation>
    </message>
    <message>
        <source> ({count} problem(s), see the log)</source>
        <translation> ({count} problème(s), voir le journal)</translation>
    </message>
    <message>
        <source>Checked: {count} Batch job(s), {stuck} stuck{problems}.</source>
        <translation>Vérifié : {count} tâche(s) Batch, {stuck} bloquée(s){problems}.</translation>
    </message>
    <message>
        <source>Check failed: {error}</source>
        <translation>La vérification a échoué : {error}</translation>
    </message>
    <message>
        <source>Checking the status page and your Batch jobs…</source>
        <translation>Vérification de la page d&apos;état et de vos tâches Batch…</translation>
    </message>
</context>
<context>
    <name>HealthView</name>
    <message>
        <source>Views</source>
        <translation>Vues</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Service health</source>
        <translation>État du service</translation>
    </message>
    <message>
        <source>Your documents and their uploads (Ctrl+1)</source>
        <translation>Vos documents et leurs envois (Ctrl+1)</translation>
    </message>
    <message>
        <source>Provider status and Batch jobs (Ctrl+2)</source>
        <translation>État du fournisseur et tâches Batch (Ctrl+2)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Affic&amp;hage</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>Show your documents</source>
        <translation>Afficher vos documents</translation>
    </message>
    <message>
        <source>Service &amp;health</source>
        <translation>État du &amp;service</translation>
    </message>
    <message>
        <source>Show the service health</source>
        <translation>Afficher l&apos;état du service</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Keeps a copy of every document you attach and uploads it safely.</source>
        <translation>Garde une copie de chaque document que vous joignez et l&apos;envoie en toute sécurité.</translation>
    </message>
    <message>
        <source>Bundled libraries and models</source>
        <translation>Bibliothèques et modèles fournis</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <extracomment>Opens a folder in the file manager; replaceable (tests record the URL).</extracomment>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Welcome…</source>
        <translation>&amp;Bienvenue…</translation>
    </message>
    <message>
        <source>What AttachGuard does; API key</source>
        <translation>Ce que fait AttachGuard ; clé API</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>Ouvrir le dossier des &amp;journaux</translation>
    </message>
    <message>
        <source>Show the log files</source>
        <translation>Afficher les fichiers journaux</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>Copier le &amp;diagnostic</translation>
    </message>
    <message>
        <source>Versions, settings and recent log lines, redacted</source>
        <translation>Versions, paramètres et dernières lignes du journal, expurgés</translation>
    </message>
    <message>
        <source>&amp;About AttachGuard</source>
        <translation>À &amp;propos d&apos;AttachGuard</translation>
    </message>
    <message>
        <source>Versions and licences</source>
        <translation>Versions et licences</translation>
    </message>
    <message>
        <source>Could not open {folder}.</source>
        <translation>Impossible d&apos;ouvrir {folder}.</translation>
    </message>
    <message>
        <source>Diagnostics copied (no API key in them); paste them in a bug report.</source>
        <translation>Diagnostic copié (sans clé API) ; collez-le dans un rapport de bogue.</translation>
    </message>
    <message>
        <source>Diagnostics not copied: {e}</source>
        <translation>Diagnostic non copié : {e}</translation>
    </message>
</context>
<context>
    <name>KeyringHelp</name>
    <message>
        <source>On KDE Plasma, install and enable KWallet (the kwalletmanager and kwallet packages, then System Settings → KDE Wallet), log out and back in, then restart AttachGuard.</source>
        <translation>Sous KDE Plasma, installez et activez KWallet (paquets kwalletmanager et kwallet, puis Configuration du système → Portefeuille KDE), déconnectez-vous puis reconnectez-vous, et redémarrez AttachGuard.</translation>
    </message>
    <message>
        <source>On this desktop, install gnome-keyring (the gnome-keyring package), log out and back in so it unlocks with your login, then restart AttachGuard.</source>
        <translation>Sur ce bureau, installez gnome-keyring (paquet gnome-keyring), déconnectez-vous puis reconnectez-vous pour qu&apos;il se déverrouille avec votre session, puis redémarrez AttachGuard.</translation>
    </message>
    <message>
        <source>Install gnome-keyring or KWallet, or turn on KeePassXC&apos;s Secret Service integration (KeePassXC → Settings → Secret Service Integration), then restart AttachGuard.</source>
        <translation>Installez gnome-keyring ou KWallet, ou activez l&apos;intégration Secret Service de KeePassXC (KeePassXC → Paramètres → Intégration Secret Service), puis redémarrez AttachGuard.</translation>
    </message>
    <message>
        <source>The keyring in use ({name}) is not secure: no Secret Service is running, so AttachGuard will not save your API key in it.</source>
        <translation>Le trousseau utilisé ({name}) n&apos;est pas sûr : aucun Secret Service ne tourne, donc AttachGuard n&apos;y enregistrera pas votre clé API.</translation>
    </message>
    <message>
        <source>Meanwhile you can use a key until you quit: it is kept in memory only and never written to disk.</source>
        <translation>En attendant, vous pouvez utiliser une clé jusqu&apos;à ce que vous quittiez : elle est gardée en mémoire seulement et jamais écrite sur le disque.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>AttachGuard main window</source>
        <extracomment>After the settings dialog saved a new (or removed the) API key. Every message shown in the status bar (also handy for tests and the e2e log). One add (drop, paste, Add…) finished; carries the :class:`AddSummary`.</extracomment>
        <translation>Fenêtre principale d&apos;AttachGuard</translation>
    </message>
    <message>
        <source>Search by name (Ctrl+F)</source>
        <translation>Rechercher par nom (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search documents by name</source>
        <translation>Rechercher des documents par nom</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Filtrer par état</translation>
    </message>
    <message>
        <source>Show only documents in this state (Alt+S)</source>
        <translation>Afficher seulement les documents dans cet état (Alt+T)</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Every document backed up, with its upload state; select one to see its details, the context menu (Shift+F10) acts on the selection</source>
        <translation>Chaque document sauvegardé, avec l&apos;état de son envoi ; sélectionnez-en un pour voir ses détails, le menu contextuel (Maj+F10) agit sur la sélection</translation>
    </message>
    <message>
        <source>Document count</source>
        <translation>Nombre de documents</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>Barre d&apos;état</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Back up and upload files</source>
        <translation>Sauvegarder et envoyer des fichiers</translation>
    </message>
    <message>
        <source>Add &amp;folder…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <source>Back up a whole folder</source>
        <translation>Sauvegarder un dossier entier</translation>
    </message>
    <message>
        <source>&amp;Paste files</source>
        <translation>Co&amp;ller des fichiers</translation>
    </message>
    <message>
        <source>Add files copied in a file manager</source>
        <translation>Ajouter les fichiers copiés dans un gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>API key, uploads, backups</source>
        <translation>Clé API, envois, sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Close window</source>
        <translation>&amp;Fermer la fenêtre</translation>
    </message>
    <message>
        <source>Hide this window (the tray keeps running)</source>
        <translation>Masquer cette fenêtre (l&apos;icône de notification reste active)</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documents</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Search by name</source>
        <translation>Rechercher par nom</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Re&amp;charger</translation>
    </message>
    <message>
        <source>Read the document list again</source>
        <translation>Relire la liste des documents</translation>
    </message>
    <message>
        <source>&amp;Uploads</source>
        <translation>&amp;Envois</translation>
    </message>
    <message>
        <source>Pa&amp;use uploads</source>
        <translation>&amp;Suspendre les envois</translation>
    </message>
    <message>
        <source>Pause or resume uploading</source>
        <translation>Suspendre ou reprendre les envois</translation>
    </message>
    <message>
        <source>Retry all &amp;failed now</source>
        <translation>Réessayer tous les é&amp;checs maintenant</translation>
    </message>
    <message>
        <source>Retry every failed upload now</source>
        <translation>Réessayer maintenant chaque envoi en échec</translation>
    </message>
    <message>
        <source>Backing up “{name}”…</source>
        <translation>Sauvegarde de « {name} »…</translation>
    </message>
    <message>
        <source>Backing up {count} items…</source>
        <translation>Sauvegarde de {count} éléments…</translation>
    </message>
    <message>
        <source>Adding failed: {error}</source>
        <translation>L&apos;ajout a échoué : {error}</translation>
    </message>
    <message>
        <source>Reading page {done} of {total}…</source>
        <translation>Lecture de la page {done} sur {total}…</translation>
    </message>
    <message>
        <source>Add files</source>
        <translation>Ajouter des fichiers</translation>
    </message>
    <message>
        <source>Add a folder</source>
        <translation>Ajouter un dossier</translation>
    </message>
    <message>
        <source>The clipboard holds no files to add (copy them in a file manager).</source>
        <translation>Le presse-papiers ne contient aucun fichier à ajouter (copiez-les dans un gestionnaire de fichiers).</translation>
    </message>
    <message>
        <source>Backing up {count} item(s); {skipped} were not local files and were skipped.</source>
        <translation>Sauvegarde de {count} élément(s) ; {skipped} n&apos;étaient pas des fichiers locaux et ont été ignorés.</translation>
    </message>
    <message>
        <source>{shown} of 1 document match</source>
        <translation>{shown} sur 1 document correspondent</translation>
    </message>
    <message>
        <source>{shown} of {total} documents match</source>
        <translation>{shown} sur {total} documents correspondent</translation>
    </message>
    <message>
        <source>(searching, {read} read)</source>
        <translation>(recherche, {read} lus)</translation>
    </message>
    <message>
        <source>1 document</source>
        <translation>1 document</translation>
    </message>
    <message>
        <source>{total} documents</source>
        <translation>{total} documents</translation>
    </message>
    <message>
        <source>Res&amp;ume uploads</source>
        <translation>&amp;Reprendre les envois</translation>
    </message>
    <message>
        <source>Uploads resumed.</source>
        <translation>Envois repris.</translation>
    </message>
    <message>
        <source>Uploads paused.</source>
        <translation>Envois suspendus.</translation>
    </message>
    <message>
        <source>Retrying {count} upload(s) now.</source>
        <translation>Nouvel essai pour {count} envoi(s) maintenant.</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Rien à réessayer.</translation>
    </message>
    <message>
        <source>That did not work: {error}</source>
        <translation>Cela n&apos;a pas fonctionné : {error}</translation>
    </message>
    <message>
        <source>API key saved.</source>
        <translation>Clé API enregistrée.</translation>
    </message>
    <message>
        <source>API key removed.</source>
        <translation>Clé API supprimée.</translation>
    </message>
    <message>
        <source>Settings saved. Upload limits and the base URL apply after AttachGuard restarts.</source>
        <translation>Paramètres enregistrés. Les limites d&apos;envoi et l&apos;URL de base s&apos;appliquent après le redémarrage d&apos;AttachGuard.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>Now watching {count} folder(s).</source>
        <translation>{count} dossier(s) surveillé(s) désormais.</translation>
    </message>
    <message>
        <source>Watched folders not updated: {error}</source>
        <translation>Dossiers surveillés non mis à jour : {error}</translation>
    </message>
    <message>
        <source>Document actions</source>
        <translation>Actions sur le document</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <source>it is larger than OpenAI accepts</source>
        <extracomment>Why an upload failed for good, in words a user understands (keys: ErrorKind values).</extracomment>
        <translation>il dépasse la taille acceptée par OpenAI</translation>
    </message>
    <message>
        <source>OpenAI refused the file</source>
        <translation>OpenAI a refusé le fichier</translation>
    </message>
    <message>
        <source>the API key was refused</source>
        <translation>la clé API a été refusée</translation>
    </message>
    <message>
        <source>OpenAI kept rate-limiting the upload</source>
        <translation>OpenAI limitait sans cesse le débit de l&apos;envoi</translation>
    </message>
    <message>
        <source>OpenAI&apos;s servers kept failing</source>
        <translation>les serveurs d&apos;OpenAI échouaient sans cesse</translation>
    </message>
    <message>
        <source>the network kept failing</source>
        <translation>le réseau tombait sans cesse</translation>
    </message>
    <message>
        <source>the uploaded file expired on OpenAI&apos;s side</source>
        <translation>le fichier envoyé a expiré chez OpenAI</translation>
    </message>
    <message>
        <source>it kept failing</source>
        <translation>l&apos;envoi échouait sans cesse</translation>
    </message>
    <message>
        <source>Click to copy its text and paste that instead.</source>
        <extracomment>Buttons of their own (key, label), handled by ``NoticeDisplay.on_action(key, …)``; the first is also what a click on the balloon does (e.g. the failover offer&apos;s &quot;Upload to …&quot;). The last sentence of a failure notice: a balloon is clicked, a notification has buttons.</extracomment>
        <translation>Cliquez pour copier son texte et le coller à la place.</translation>
    </message>
    <message>
        <source>Click to copy their text and paste that instead.</source>
        <translation>Cliquez pour copier leur texte et le coller à la place.</translation>
    </message>
    <message>
        <source>Use “Copy text” to copy its text and paste that instead.</source>
        <translation>Utilisez « Copier le texte » pour copier son texte et le coller à la place.</translation>
    </message>
    <message>
        <source>Use “Copy text” to copy their text and paste that instead.</source>
        <translation>Utilisez « Copier le texte » pour copier leur texte et le coller à la place.</translation>
    </message>
    <message>
        <source>Upload expired</source>
        <translation>Envoi expiré</translation>
    </message>
    <message>
        <source>{name} expired on OpenAI&apos;s side. It is still backed up here.</source>
        <translation>{name} a expiré chez OpenAI. Sa sauvegarde est toujours ici.</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>Échec de l&apos;envoi</translation>
    </message>
    <message>
        <source>{name} could not be uploaded: {reason}. It is still backed up here.</source>
        <translation>{name} n&apos;a pas pu être envoyé : {reason}. Sa sauvegarde est toujours ici.</translation>
    </message>
    <message>
        <source>{count} uploads need attention</source>
        <translation>{count} envois demandent votre attention</translation>
    </message>
    <message>
        <source>{count} expired</source>
        <translation>{count} expiré(s)</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} en échec</translation>
    </message>
    <message>
        <source>{count} documents could not be uploaded ({details}). They are still backed up here.</source>
        <translation>{count} documents n&apos;ont pas pu être envoyés ({details}). Ils sont toujours sauvegardés ici.</translation>
    </message>
    <message>
        <source>{name} was uploaded.</source>
        <translation>{name} a été envoyé.</translation>
    </message>
    <message>
        <source>{count} documents were uploaded.</source>
        <translation>{count} documents ont été envoyés.</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Copy text</source>
        <extracomment>The buttons of a failure notice (key, label), in the order the server shows them. (Labels are translated when shown: see :func:`_actions`.)</extracomment>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Text preview — AttachGuard</source>
        <translation>Aperçu du texte — AttachGuard</translation>
    </message>
    <message>
        <source>Text preview</source>
        <translation>Aperçu du texte</translation>
    </message>
    <message>
        <source>Last copy</source>
        <translation>Dernière copie</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the preview (the text stays cached for next time)</source>
        <translation>Fermer l&apos;aperçu (le texte reste en cache pour la prochaine fois)</translation>
    </message>
    <message>
        <source>Text of {name} — AttachGuard</source>
        <translation>Texte de {name} — AttachGuard</translation>
    </message>
</context>
<context>
    <name>PreviewWidget</name>
    <message>
        <source>Text preview</source>
        <extracomment>The prompt is shown (a ``FallbackPrompt``). The prompt could not be built: one sentence for the user. A part was copied (a ``CopyResult``). Extraction progress: pages done, pages in all. How long the last build took from request to text on screen (for the benchmark).</extracomment>
        <translation>Aperçu du texte</translation>
    </message>
    <message>
        <source>Size of each part</source>
        <translation>Taille de chaque partie</translation>
    </message>
    <message>
        <source>Where the text will be pasted: it is split into parts that fit there</source>
        <translation>Où le texte sera collé : il est découpé en parties qui y tiennent</translation>
    </message>
    <message>
        <source>{description} (up to {tokens} tokens a part)</source>
        <translation>{description} (jusqu&apos;à {tokens} jetons par partie)</translation>
    </message>
    <message>
        <source>Si&amp;ze for:</source>
        <translation>&amp;Taille pour :</translation>
    </message>
    <message>
        <source>Pages or sheet</source>
        <translation>Pages ou feuille</translation>
    </message>
    <message>
        <source>all (or pages 3-10, or a sheet name)</source>
        <translation>tout (ou pages 3-10, ou un nom de feuille)</translation>
    </message>
    <message>
        <source>Only these pages or slides (3-10, 1,4-6) or this sheet; empty for everything. Press Enter to apply.</source>
        <translation>Seulement ces pages ou diapositives (3-10, 1,4-6) ou cette feuille ; vide pour tout. Appuyez sur Entrée pour appliquer.</translation>
    </message>
    <message>
        <source>&amp;Pages/sheet:</source>
        <translation>&amp;Pages/feuille :</translation>
    </message>
    <message>
        <source>Extraction progress</source>
        <translation>Progression de l&apos;extraction</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop extracting the text</source>
        <translation>Arrêter l&apos;extraction du texte</translation>
    </message>
    <message>
        <source>Stop reading the document; the pages read so far are kept for next time</source>
        <translation>Arrêter la lecture du document ; les pages déjà lues sont gardées pour la prochaine fois</translation>
    </message>
    <message>
        <source>Size of the text</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>The parts the text is split into; select one to see it, Copy puts it on the clipboard</source>
        <translation>Les parties du texte ; sélectionnez-en une pour la voir, Copier la met dans le presse-papiers</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Partie</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Contient</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Copy &amp;next part</source>
        <translation>Copier la partie &amp;suivante</translation>
    </message>
    <message>
        <source>Copy the next part</source>
        <translation>Copier la partie suivante</translation>
    </message>
    <message>
        <source>Put the next part on the clipboard, ready to paste after the last one</source>
        <translation>Mettre la partie suivante dans le presse-papiers, prête à coller après la précédente</translation>
    </message>
    <message>
        <source>The text as it will be pasted</source>
        <translation>Le texte tel qu&apos;il sera collé</translation>
    </message>
    <message>
        <source>{reason}. Try 3-10, or a sheet&apos;s name.</source>
        <translation>{reason}. Essayez 3-10, ou le nom d&apos;une feuille.</translation>
    </message>
    <message>
        <source>Reading the document…</source>
        <translation>Lecture du document…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message>
        <source>Reading page {done} of {total}…</source>
        <translation>Lecture de la page {done} sur {total}…</translation>
    </message>
    <message>
        <source>Stopped. The pages read so far are kept: the next preview goes on from there.</source>
        <translation>Arrêté. Les pages lues jusqu&apos;ici sont conservées : le prochain aperçu reprend à partir de là.</translation>
    </message>
    <message>
        <source>{chars} characters, {tokens} tokens ({tokenizer}), in 1 part.</source>
        <translation>{chars} caractères, {tokens} jetons ({tokenizer}), en 1 partie.</translation>
    </message>
    <message>
        <source>{chars} characters, {tokens} tokens ({tokenizer}), in {count} parts.</source>
        <translation>{chars} caractères, {tokens} jetons ({tokenizer}), en {count} parties.</translation>
    </message>
    <message>
        <source>Left out: {skipped}</source>
        <translation>Laissés de côté : {skipped}</translation>
    </message>
    <message>
        <source>{part} of {count}</source>
        <translation>{part} sur {count}</translation>
    </message>
    <message>
        <source>everything</source>
        <translation>tout</translation>
    </message>
    <message>
        <source>{tokens} tokens, {chars} characters</source>
        <translation>{tokens} jetons, {chars} caractères</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy part {part}</source>
        <translation>Copier la partie {part}</translation>
    </message>
    <message>
        <source>Put part {part} on the clipboard, ready to paste</source>
        <translation>Mettre la partie {part} dans le presse-papiers, prête à coller</translation>
    </message>
    <message>
        <source>Put part {part} of {count} on the clipboard</source>
        <translation>Placer la partie {part} sur {count} dans le presse-papiers</translation>
    </message>
    <message>
        <source>There is no text to copy yet.</source>
        <translation>Il n&apos;y a pas encore de texte à copier.</translation>
    </message>
    <message>
        <source>Copy &amp;next part ({part} of {count})</source>
        <translation>Copier la partie &amp;suivante ({part} sur {count})</translation>
    </message>
    <message>
        <source>There is no text to show for that document.</source>
        <extracomment>&quot;3-10&quot;, &quot;1, 4-6&quot;, &quot;pages 5-&quot;: a page (or slide) selection; anything else names a sheet.</extracomment>
        <translation>Il n&apos;y a pas de texte à afficher pour ce document.</translation>
    </message>
    <message>
        <source>Something went wrong while extracting the text (details are in the log)</source>
        <translation>Un problème est survenu lors de l&apos;extraction du texte (détails dans le journal)</translation>
    </message>
</context>
<context>
    <name>QueueStatusLabels</name>
    <message>
        <source>Upload queue state</source>
        <extracomment>Emitted with the ``QueueStatus`` after every successful read.</extracomment>
        <translation>État de la file d&apos;envoi</translation>
    </message>
    <message>
        <source>Service state</source>
        <translation>État du service</translation>
    </message>
    <message>
        <source>Queue status unavailable: {error}</source>
        <translation>État de la file indisponible : {error}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>AttachGuard settings</source>
        <extracomment>Emitted with a one-line message when saving failed (also shown in the dialog).</extracomment>
        <translation>Paramètres d&apos;AttachGuard</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Settings sections</source>
        <extracomment>After a save: whether a changed setting only takes effect after a restart. After a save of the settings (not only the key): what it changed. The login-item writer for this platform; replaceable (tests use a temp folder).</extracomment>
        <translation>Sections des paramètres</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <source>&amp;Uploads</source>
        <translation>&amp;Envois</translation>
    </message>
    <message>
        <source>&amp;Backups &amp;&amp; text</source>
        <translation>&amp;Sauvegardes &amp;&amp; texte</translation>
    </message>
    <message>
        <source>&amp;Watched folders</source>
        <translation>Dossiers &amp;surveillés</translation>
    </message>
    <message>
        <source>Tar&amp;gets</source>
        <translation>Desti&amp;nations</translation>
    </message>
    <message>
        <source>A&amp;pp</source>
        <translation>A&amp;pplication</translation>
    </message>
    <message>
        <source>Settings file problem</source>
        <translation>Problème de fichier de paramètres</translation>
    </message>
    <message>
        <source>Save error</source>
        <translation>Erreur d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Enregistrer les paramètres</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Fermer sans enregistrer</translation>
    </message>
    <message>
        <source>sk-…  (leave empty to keep the stored key)</source>
        <translation>sk-…  (laisser vide pour garder la clé enregistrée)</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clé API</translation>
    </message>
    <message>
        <source>Your OpenAI API key; stored only in the OS keyring</source>
        <translation>Votre clé API OpenAI ; enregistrée uniquement dans le trousseau du système</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>Affic&amp;her</translation>
    </message>
    <message>
        <source>Show API key</source>
        <translation>Afficher la clé API</translation>
    </message>
    <message>
        <source>Show the key while typing</source>
        <translation>Afficher la clé pendant la saisie</translation>
    </message>
    <message>
        <source>&amp;Remove stored key</source>
        <translation>&amp;Supprimer la clé enregistrée</translation>
    </message>
    <message>
        <source>Remove stored key</source>
        <translation>Supprimer la clé enregistrée</translation>
    </message>
    <message>
        <source>Delete the key from the keyring</source>
        <translation>Supprimer la clé du trousseau</translation>
    </message>
    <message>
        <source>Use this key until I &amp;quit</source>
        <translation>Utiliser cette clé jusqu&apos;à ce que je &amp;quitte</translation>
    </message>
    <message>
        <source>Use this key until I quit</source>
        <translation>Utiliser cette clé jusqu&apos;à ce que je quitte</translation>
    </message>
    <message>
        <source>Keep the key in memory only, for uploads until AttachGuard quits</source>
        <translation>Garder la clé en mémoire seulement, pour les envois jusqu&apos;à la fermeture d&apos;AttachGuard</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>Vérification du trousseau…</translation>
    </message>
    <message>
        <source>API key status</source>
        <translation>État de la clé API</translation>
    </message>
    <message>
        <source>Keyring backend</source>
        <translation>Moteur du trousseau</translation>
    </message>
    <message>
        <source>Keyring warning</source>
        <translation>Avertissement sur le trousseau</translation>
    </message>
    <message>
        <source>{name} is set in the environment; it is used instead of the stored key.</source>
        <translation>{name} est défini dans l&apos;environnement ; il est utilisé à la place de la clé enregistrée.</translation>
    </message>
    <message>
        <source>https://api.openai.com/v1</source>
        <translation>https://api.openai.com/v1</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
    <message>
        <source>API base URL; leave empty for the public API</source>
        <translation>URL de base de l&apos;API ; laisser vide pour l&apos;API publique</translation>
    </message>
    <message>
        <source>{name} is set in the environment; {url} is used while this is empty.</source>
        <translation>{name} est défini dans l’environnement ; {url} est utilisé tant que ce champ est vide.</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>&amp;Clé API :</translation>
    </message>
    <message>
        <source>Keyring:</source>
        <translation>Trousseau :</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>&amp;URL de base :</translation>
    </message>
    <message>
        <source>Upload documents as soon as they are added</source>
        <translation>Envoyer les documents dès qu&apos;ils sont ajoutés</translation>
    </message>
    <message>
        <source>Upload automatically</source>
        <translation>Envoyer automatiquement</translation>
    </message>
    <message>
        <source>Otherwise documents are only backed up</source>
        <translation>Sinon les documents sont seulement sauvegardés</translation>
    </message>
    <message>
        <source>Default purpose</source>
        <translation>Finalité par défaut</translation>
    </message>
    <message>
        <source>Purpose sent with each upload</source>
        <translation>Finalité envoyée avec chaque envoi</translation>
    </message>
    <message>
        <source>Uploaded files expire after</source>
        <translation>Les fichiers envoyés expirent après</translation>
    </message>
    <message>
        <source>Uploaded files expire</source>
        <translation>Les fichiers envoyés expirent</translation>
    </message>
    <message>
        <source>Ask the service to delete files later</source>
        <translation>Demander au service de supprimer les fichiers plus tard</translation>
    </message>
    <message>
        <source>Expiry in hours</source>
        <translation>Expiration en heures</translation>
    </message>
    <message>
        <source>1 hour to 30 days</source>
        <translation>1 heure à 30 jours</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Parallel uploads</source>
        <translation>Envois simultanés</translation>
    </message>
    <message>
        <source>How many uploads run at once</source>
        <translation>Nombre d&apos;envois simultanés</translation>
    </message>
    <message>
        <source>Keep retrying for</source>
        <translation>Continuer à réessayer pendant</translation>
    </message>
    <message>
        <source>Hours after the first attempt, during outages</source>
        <translation>Heures après le premier essai, pendant les pannes</translation>
    </message>
    <message>
        <source>Maximum attempts</source>
        <translation>Nombre maximal d&apos;essais</translation>
    </message>
    <message>
        <source>Attempts before a job fails</source>
        <translation>Essais avant qu&apos;une tâche échoue</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Aucune limite</translation>
    </message>
    <message>
        <source>Longest wait between attempts</source>
        <translation>Attente maximale entre deux essais</translation>
    </message>
    <message>
        <source>In seconds</source>
        <translation>En secondes</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Default &amp;purpose:</source>
        <translation>&amp;Finalité par défaut :</translation>
    </message>
    <message>
        <source>Parallel up&amp;loads:</source>
        <translation>Envois &amp;simultanés :</translation>
    </message>
    <message>
        <source>Maximum &amp;attempts:</source>
        <translation>&amp;Nombre maximal d&apos;essais :</translation>
    </message>
    <message>
        <source>Longest &amp;wait between attempts:</source>
        <translation>&amp;Attente maximale entre deux essais :</translation>
    </message>
    <message>
        <source>Keep retr&amp;ying for:</source>
        <translation>Continuer à &amp;réessayer pendant :</translation>
    </message>
    <message>
        <source>The base URL, parallel uploads and retry limits apply from the next start of AttachGuard; purpose and expiry apply to documents added from now on.</source>
        <translation>L&apos;URL de base, les envois simultanés et les limites d&apos;essais s&apos;appliquent au prochain démarrage d&apos;AttachGuard ; la finalité et l&apos;expiration s&apos;appliquent aux documents ajoutés à partir de maintenant.</translation>
    </message>
    <message>
        <source>Token budget</source>
        <translation>Budget de jetons</translation>
    </message>
    <message>
        <source>Largest text fallback, in tokens</source>
        <translation>Plus grand texte de secours, en jetons</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> jetons</translation>
    </message>
    <message>
        <source>Part size for</source>
        <translation>Taille des parties pour</translation>
    </message>
    <message>
        <source>Where the copied text goes; the preview and Copy text size its parts for it</source>
        <translation>Où va le texte copié ; l’aperçu et « Copier le texte » dimensionnent les parties en conséquence</translation>
    </message>
    <message>
        <source>ChatGPT message size</source>
        <translation>Taille d’un message ChatGPT</translation>
    </message>
    <message>
        <source>Tokens in one ChatGPT message</source>
        <translation>Jetons dans un message ChatGPT</translation>
    </message>
    <message>
        <source>Remove backups older than</source>
        <translation>Supprimer les sauvegardes de plus de</translation>
    </message>
    <message>
        <source>Limit backup age</source>
        <translation>Limiter l&apos;âge des sauvegardes</translation>
    </message>
    <message>
        <source>Pending uploads are never removed</source>
        <translation>Les envois en attente ne sont jamais supprimés</translation>
    </message>
    <message>
        <source>Backup age in days</source>
        <translation>Âge des sauvegardes en jours</translation>
    </message>
    <message>
        <source>Days to keep</source>
        <translation>Jours de conservation</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Keep backups under</source>
        <translation>Limiter les sauvegardes à</translation>
    </message>
    <message>
        <source>Limit backup size</source>
        <translation>Limiter la taille des sauvegardes</translation>
    </message>
    <message>
        <source>Oldest backups are removed first</source>
        <translation>Les sauvegardes les plus anciennes sont supprimées en premier</translation>
    </message>
    <message>
        <source>Backup size limit</source>
        <translation>Taille maximale des sauvegardes</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>Taille totale</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>OpenAI API part si&amp;ze:</source>
        <translation>Taille des parties pour l’API Open&amp;AI :</translation>
    </message>
    <message>
        <source>Part size of the OpenAI API preset, in tokens</source>
        <translation>Taille des parties du préréglage « API OpenAI », en jetons</translation>
    </message>
    <message>
        <source>&amp;Chat part size:</source>
        <translation>Taille des parties pour le &amp;chat :</translation>
    </message>
    <message>
        <source>Size parts &amp;for:</source>
        <translation>Dimensionner les parties &amp;pour :</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Follow the system, or always light or dark</source>
        <translation>Suivre le système, ou toujours clair ou sombre</translation>
    </message>
    <message>
        <source>Notify when an upload succeeds</source>
        <translation>Prévenir quand un envoi réussit</translation>
    </message>
    <message>
        <source>Success notifications</source>
        <translation>Notifications de réussite</translation>
    </message>
    <message>
        <source>Failures are always notified</source>
        <translation>Les échecs sont toujours signalés</translation>
    </message>
    <message>
        <source>Start AttachGuard when I log in</source>
        <translation>Démarrer AttachGuard à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Démarrer à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Adds AttachGuard to your session</source>
        <translation>Ajoute AttachGuard à votre session</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Thème :</translation>
    </message>
    <message>
        <source>The settings file cannot be read, so it will not be changed from here: {problem}. Fix or remove the file and reopen this dialog. The API key can still be saved.</source>
        <translation>Le fichier de paramètres est illisible, il ne sera donc pas modifié d&apos;ici : {problem}. Corrigez ou supprimez le fichier et rouvrez cette fenêtre. La clé API peut toujours être enregistrée.</translation>
    </message>
    <message>
        <source>A key is in use until you quit; it is not saved anywhere.</source>
        <translation>Une clé est utilisée jusqu&apos;à ce que vous quittiez ; elle n&apos;est enregistrée nulle part.</translation>
    </message>
    <message>
        <source>A key is stored in the keyring.</source>
        <translation>Une clé est enregistrée dans le trousseau.</translation>
    </message>
    <message>
        <source>No key is stored.</source>
        <translation>Aucune clé n&apos;est enregistrée.</translation>
    </message>
    <message>
        <source>The keyring could not be read: {error}</source>
        <translation>Le trousseau n&apos;a pas pu être lu : {error}</translation>
    </message>
    <message>
        <source>Type or paste the API key first.</source>
        <translation>Saisissez ou collez d&apos;abord la clé API.</translation>
    </message>
    <message>
        <source>Not used: {error}</source>
        <translation>Non utilisée : {error}</translation>
    </message>
    <message>
        <source>The stored key will be removed when you save.</source>
        <translation>La clé enregistrée sera supprimée à l&apos;enregistrement.</translation>
    </message>
    <message>
        <source>The base URL must start with https:// (or http:// for a local server).</source>
        <translation>L&apos;URL de base doit commencer par https:// (ou http:// pour un serveur local).</translation>
    </message>
    <message>
        <source>Nothing was saved: the settings file must be fixed first.</source>
        <translation>Rien n&apos;a été enregistré : le fichier de paramètres doit d&apos;abord être corrigé.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistré : {error}</translation>
    </message>
    <message>
        <source>Saved, but start at login could not be changed: {error}</source>
        <translation>Enregistré, mais le démarrage à l&apos;ouverture de session n&apos;a pas pu être modifié : {error}</translation>
    </message>
</context>
<context>
    <name>SizePresets</name>
    <message>
        <source>ChatGPT message</source>
        <translation>Message ChatGPT</translation>
    </message>
    <message>
        <source>one ChatGPT message per part (setting fallback.chat_part_tokens)</source>
        <translation>un message ChatGPT par partie (paramètre fallback.chat_part_tokens)</translation>
    </message>
    <message>
        <source>OpenAI API</source>
        <translation>API OpenAI</translation>
    </message>
    <message>
        <source>a model&apos;s context through the API (setting fallback.max_tokens)</source>
        <translation>le contexte d&apos;un modèle via l&apos;API (paramètre fallback.max_tokens)</translation>
    </message>
    <message>
        <source>Claude</source>
        <translation>Claude</translation>
    </message>
    <message>
        <source>one Claude.ai message per part</source>
        <translation>un message Claude.ai par partie</translation>
    </message>
    <message>
        <source>Gemini</source>
        <translation>Gemini</translation>
    </message>
    <message>
        <source>one Gemini app message per part</source>
        <translation>un message de l&apos;application Gemini par partie</translation>
    </message>
    <message>
        <source>Local model</source>
        <translation>Modèle local</translation>
    </message>
    <message>
        <source>a local model with a 4k-token context (Ollama, LM Studio)</source>
        <translation>un modèle local avec un contexte de 4k jetons (Ollama, LM Studio)</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Uploads paused by you (Ctrl+Shift+P resumes)</source>
        <translation>Envois suspendus par vous (Ctrl+Maj+P pour reprendre)</translation>
    </message>
    <message>
        <source>Uploads paused until you add an API key in Settings (Ctrl+,)</source>
        <translation>Envois suspendus jusqu&apos;à l&apos;ajout d&apos;une clé API dans les paramètres (Ctrl+,)</translation>
    </message>
    <message>
        <source>Uploads paused: the API key was rejected; check it in Settings</source>
        <translation>Envois suspendus : la clé API a été refusée ; vérifiez-la dans les paramètres</translation>
    </message>
    <message>
        <source>Uploads paused: the OpenAI account is out of credit; add credit, then resume uploads</source>
        <translation>Envois suspendus : le compte OpenAI n&apos;a plus de crédit ; ajoutez du crédit, puis reprenez les envois</translation>
    </message>
    <message>
        <source>Uploads paused: rate limited by the service{next}</source>
        <translation>Envois suspendus : débit limité par le service{next}</translation>
    </message>
    <message>
        <source>Service trouble: too many failures in a row{next}</source>
        <translation>Problème de service : trop d&apos;échecs d&apos;affilée{next}</translation>
    </message>
    <message>
        <source>Service trouble: the provider reports an outage{next}</source>
        <translation>Problème de service : le fournisseur signale une panne{next}</translation>
    </message>
    <message>
        <source>when OpenAI recovers</source>
        <extracomment>While uploads wait (to retry, or for OpenAI), the status is read again this often.</extracomment>
        <translation>quand OpenAI sera rétabli</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>en cours d&apos;envoi</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation>en attente d&apos;un nouvel essai</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirés</translation>
    </message>
    <message>
        <source>All uploads done</source>
        <translation>Tous les envois sont terminés</translation>
    </message>
    <message>
        <source>; next try {when}</source>
        <translation>; prochain essai {when}</translation>
    </message>
    <message>
        <source>Service trouble: uploads are held{next}</source>
        <translation>Problème de service : les envois sont retenus{next}</translation>
    </message>
    <message>
        <source>Some uploads need attention</source>
        <translation>Certains envois demandent votre attention</translation>
    </message>
    <message>
        <source>Retrying 1 upload{next}</source>
        <translation>Nouvel essai pour 1 envoi{next}</translation>
    </message>
    <message>
        <source>Retrying {count} uploads{next}</source>
        <translation>Nouvel essai pour {count} envois{next}</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
</context>
<context>
    <name>TargetKeys</name>
    <message>
        <source>Upload targets</source>
        <extracomment>After the list was (re)read: carries the states. A one-line outcome of &quot;Set key…&quot; (stored, or why not).</extracomment>
        <translation>Destinations d&apos;envoi</translation>
    </message>
    <message>
        <source>Upload targets and their keys</source>
        <extracomment>Asks for a key (title, target name) and returns it, &quot;&quot; when cancelled; a seam so tests do not drive a modal dialog.</extracomment>
        <translation>Destinations d&apos;envoi et leurs clés</translation>
    </message>
    <message>
        <source>Where documents are uploaded, and whether each has its API key</source>
        <translation>Où les documents sont envoyés, et si chaque destination a sa clé d&apos;API</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>&amp;Set key…</source>
        <translation>&amp;Définir la clé…</translation>
    </message>
    <message>
        <source>Store a key for the selected target in the OS keyring, under its own entry</source>
        <translation>Enregistrer une clé pour la destination sélectionnée dans le trousseau du système, sous sa propre entrée</translation>
    </message>
    <message>
        <source>Targets are listed in settings.toml as [[targets]] tables; a change there takes effect after a restart. Keys never go to a file.</source>
        <translation>Les destinations sont listées dans settings.toml sous forme de tables [[targets]] ; une modification y prend effet après un redémarrage. Les clés ne vont jamais dans un fichier.</translation>
    </message>
    <message>
        <source>Cannot read the targets: {error}</source>
        <translation>Impossible de lire les destinations : {error}</translation>
    </message>
    <message>
        <source>present</source>
        <translation>présente</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>manquante</translation>
    </message>
    <message>
        <source>Key for {name}</source>
        <translation>Clé pour {name}</translation>
    </message>
    <message>
        <source>API key for the upload target {name}:</source>
        <translation>Clé API pour la destination d&apos;envoi {name} :</translation>
    </message>
    <message>
        <source>The key for {name} is stored in the keyring.</source>
        <translation>La clé pour {name} est enregistrée dans le trousseau.</translation>
    </message>
    <message>
        <source>The key for {name} was not stored: {error}</source>
        <translation>La clé pour {name} n&apos;a pas été enregistrée : {error}</translation>
    </message>
</context>
<context>
    <name>TargetsView</name>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>vérification</translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation>en attente d&apos;un nouvel essai</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>{done}/{count} targets</source>
        <translation>{done}/{count} destinations</translation>
    </message>
    <message>
        <source>expires {when}</source>
        <translation>expire {when}</translation>
    </message>
    <message>
        <source>kept until deleted</source>
        <translation>conservé jusqu&apos;à suppression</translation>
    </message>
    <message>
        <source>not uploaded, {state}</source>
        <translation>non envoyé, {state}</translation>
    </message>
    <message>
        <source>Upload targets</source>
        <extracomment>After the states were painted (carries the list).</extracomment>
        <translation>Destinations d&apos;envoi</translation>
    </message>
    <message>
        <source>Upload targets and their state</source>
        <translation>Destinations d&apos;envoi et leur état</translation>
    </message>
    <message>
        <source>Whether each upload target takes uploads now, and if not, why</source>
        <translation>Si chaque destination d&apos;envoi accepte les envois maintenant, et sinon pourquoi</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source> (primary)</source>
        <translation> (principale)</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>System</source>
        <extracomment>The theme choices&apos; names (``theme.CHOICES`` values), translated when shown.</extracomment>
        <translation>Système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
</context>
<context>
    <name>TrayApp</name>
    <message>
        <source>AttachGuard cannot start</source>
        <extracomment>How long a launch that lost the race for the lock waits for the winner to start listening. With no tray at start, look for one every 2 s for 2 minutes (login race with the panel).</extracomment>
        <translation>AttachGuard ne peut pas démarrer</translation>
    </message>
    <message>
        <source>Add files to AttachGuard</source>
        <translation>Ajouter des fichiers à AttachGuard</translation>
    </message>
    <message>
        <source>Retrying {count} upload(s) now.</source>
        <translation>Nouvel essai pour {count} envoi(s) maintenant.</translation>
    </message>
    <message>
        <source>it is not making progress</source>
        <translation>il n&apos;avance pas</translation>
    </message>
    <message>
        <source>A batch looks stuck</source>
        <translation>Un lot semble bloqué</translation>
    </message>
    <message>
        <source>Batch {batch} ({status}): {reason}. Its input file is backed up; click to see it and resubmit it.</source>
        <translation>Lot {batch} ({status}) : {reason}. Son fichier d&apos;entrée est sauvegardé ; cliquez pour le voir et le resoumettre.</translation>
    </message>
    <message>
        <source>Uploads are paused until you add an API key. Your documents are still backed up. Click here to open Settings.</source>
        <translation>Les envois sont suspendus jusqu&apos;à ce que vous ajoutiez une clé API. Vos documents sont toujours sauvegardés. Cliquez ici pour ouvrir les paramètres.</translation>
    </message>
</context>
<context>
    <name>TrayController</name>
    <message>
        <source>Pa&amp;use uploads</source>
        <extracomment>How often a shown retry time is re-described, and how often, once it has passed, the queue is read again while nothing else refreshes it. Pause and Resume share their mnemonic (U), so the key that paused also resumes.</extracomment>
        <translation>&amp;Suspendre les envois</translation>
    </message>
    <message>
        <source>Res&amp;ume uploads</source>
        <translation>&amp;Reprendre les envois</translation>
    </message>
    <message>
        <source>upload failed</source>
        <translation>échec de l&apos;envoi</translation>
    </message>
    <message>
        <source>expired on OpenAI</source>
        <translation>expiré chez OpenAI</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>AttachGuard: starting</source>
        <extracomment>Emitted on the GUI thread after each applied snapshot. Every &quot;Copy text instead&quot; outcome (from the menu, a notification click or the CLI). (title, text) of every message shown (also when the platform has no tray to show it). &quot;Preview text…&quot;: the entry id of the document whose text the preview should show. Where the platform&apos;s colour scheme is read (tests pass their own: the offscreen platform cannot change it).</extracomment>
        <translation>AttachGuard : démarrage</translation>
    </message>
    <message>
        <source>AttachGuard tray menu</source>
        <translation>Menu d&apos;AttachGuard dans la zone de notification</translation>
    </message>
    <message>
        <source>Uploads paused until you add an API key</source>
        <translation>Envois suspendus jusqu&apos;à l&apos;ajout d&apos;une clé API</translation>
    </message>
    <message>
        <source>Add your API key in Settings to upload; copying text works without one</source>
        <translation>Ajoutez votre clé d&apos;API dans les Paramètres pour envoyer ; copier le texte fonctionne sans</translation>
    </message>
    <message>
        <source>&amp;Open AttachGuard</source>
        <translation>&amp;Ouvrir AttachGuard</translation>
    </message>
    <message>
        <source>Show the window with every document and its state</source>
        <translation>Afficher la fenêtre avec chaque document et son état</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Choose files to back up and upload, as if dropped on the window</source>
        <translation>Choisir des fichiers à sauvegarder et envoyer, comme s&apos;ils étaient déposés sur la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Copy text instead</source>
        <translation>&amp;Copier le texte à la place</translation>
    </message>
    <message>
        <source>Put the text of the latest failed or expired document (else the latest added) on the clipboard, ready to paste</source>
        <translation>Placer le texte du dernier document en échec ou expiré (sinon du dernier ajouté) dans le presse-papiers, prêt à coller</translation>
    </message>
    <message>
        <source>Copy text o&amp;f…</source>
        <translation>Copier le texte &amp;de…</translation>
    </message>
    <message>
        <source>Copy the text of a recent document</source>
        <translation>Copier le texte d&apos;un document récent</translation>
    </message>
    <message>
        <source>Put the text of one of the latest documents on the clipboard</source>
        <translation>Mettre le texte d&apos;un des derniers documents dans le presse-papiers</translation>
    </message>
    <message>
        <source>Pre&amp;view text…</source>
        <translation>&amp;Aperçu du texte…</translation>
    </message>
    <message>
        <source>See the text “Copy text instead” would copy, part by part, before copying</source>
        <translation>Voir, partie par partie, le texte que « Copier le texte à la place » copierait, avant de le copier</translation>
    </message>
    <message>
        <source>&amp;Retry failed now</source>
        <translation>&amp;Réessayer les échecs maintenant</translation>
    </message>
    <message>
        <source>Upload every failed document again now, without waiting for the next try</source>
        <translation>Renvoyer maintenant chaque document en échec, sans attendre la prochaine tentative</translation>
    </message>
    <message>
        <source>Stop starting uploads until you resume (documents are still backed up)</source>
        <translation>Ne plus lancer d&apos;envois jusqu&apos;à la reprise (les documents sont toujours sauvegardés)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Change the API key, watched folders, upload targets and text sizes</source>
        <translation>Modifier la clé d&apos;API, les dossiers surveillés, les destinations d&apos;envoi et les tailles de texte</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Close AttachGuard (waiting uploads resume at the next start)</source>
        <translation>Quitter AttachGuard (les envois en attente reprennent au prochain démarrage)</translation>
    </message>
    <message>
        <source>AttachGuard: starting…</source>
        <extracomment>The icon file now shown (a symbolic variant follows the platform&apos;s colour scheme).</extracomment>
        <translation>AttachGuard : démarrage…</translation>
    </message>
    <message>
        <source>Put the text of {name} on the clipboard</source>
        <translation>Mettre le texte de {name} dans le presse-papiers</translation>
    </message>
    <message>
        <source>Start uploading the waiting documents again</source>
        <translation>Reprendre l&apos;envoi des documents en attente</translation>
    </message>
    <message>
        <source>There is no document to preview yet: add one.</source>
        <translation>Il n&apos;y a pas encore de document à prévisualiser : ajoutez-en un.</translation>
    </message>
    <message>
        <source>AttachGuard: reading page {done} of {total}</source>
        <translation>AttachGuard : lecture de la page {done} sur {total}</translation>
    </message>
    <message>
        <source>Retrying 1 document now.</source>
        <translation>Nouvel essai pour 1 document maintenant.</translation>
    </message>
    <message>
        <source>Retrying {count} documents now.</source>
        <translation>Nouvel essai pour {count} documents maintenant.</translation>
    </message>
    <message>
        <source>Nothing to retry.</source>
        <translation>Rien à réessayer.</translation>
    </message>
</context>
<context>
    <name>TrayHelpBanner</name>
    <message>
        <source>Until then, AttachGuard works from this window, and closing the window quits it.</source>
        <translation>D&apos;ici là, AttachGuard fonctionne depuis cette fenêtre, et fermer la fenêtre le quitte.</translation>
    </message>
    <message>
        <source>GNOME shows no tray icons by itself: install the AppIndicator extension (package gnome-shell-extension-appindicator on Debian and Ubuntu), turn it on in Extensions, log out and back in, and AttachGuard appears in the top bar.</source>
        <extracomment>Per desktop (a word of ``XDG_CURRENT_DESKTOP``, lower case): how to get a tray there.</extracomment>
        <translation>GNOME n&apos;affiche pas d&apos;icônes de notification par lui-même : installez l&apos;extension AppIndicator (paquet gnome-shell-extension-appindicator sous Debian et Ubuntu), activez-la dans Extensions, déconnectez-vous puis reconnectez-vous, et AttachGuard apparaît dans la barre supérieure.</translation>
    </message>
    <message>
        <source>Your Plasma panel has no system tray: right-click the panel, choose Add Widgets, and add the System Tray.</source>
        <translation>Votre panneau Plasma n&apos;a pas de boîte à miniatures : faites un clic droit sur le panneau, choisissez Ajouter des composants graphiques, puis ajoutez la boîte à miniatures.</translation>
    </message>
    <message>
        <source>Your Xfce panel has no tray: right-click a panel, choose Panel &gt; Add New Items, and add the Status Tray Plugin.</source>
        <translation>Votre tableau de bord Xfce n&apos;a pas de zone de notification : faites un clic droit sur un tableau de bord, choisissez Tableau de bord &gt; Ajouter de nouveaux éléments, puis ajoutez le greffon Status Tray.</translation>
    </message>
    <message>
        <source>Your bar shows no tray: add the tray module to waybar (&quot;tray&quot; in modules-right) or turn on the tray of the bar you use.</source>
        <translation>Votre barre n&apos;affiche pas de zone de notification : ajoutez le module tray à waybar (« tray » dans modules-right) ou activez la zone de notification de la barre que vous utilisez.</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons: add a system tray (status notifier) to your panel or bar, and AttachGuard moves into it.</source>
        <translation>Ce bureau n&apos;affiche pas d&apos;icônes de notification : ajoutez une zone de notification (status notifier) à votre panneau ou barre, et AttachGuard s&apos;y installe.</translation>
    </message>
    <message>
        <source>No system tray</source>
        <translation>Pas de zone de notification</translation>
    </message>
    <message>
        <source>How to get a tray icon</source>
        <translation>Comment obtenir une icône de notification</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Masquer</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Hide this advice</source>
        <translation>Masquer ce conseil</translation>
    </message>
</context>
<context>
    <name>TrayState</name>
    <message>
        <source>uploading</source>
        <translation>en cours d&apos;envoi</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>en vérification</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>waiting to retry</source>
        <translation>en attente d&apos;un nouvel essai</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expirés</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>envoyés</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulés</translation>
    </message>
    <message>
        <source>Uploads paused until you add an API key</source>
        <extracomment>How many documents the tray&apos;s &quot;Copy text of…&quot; submenu lists. Pauses during which jobs wait for OpenAI itself to recover. What &quot;Copy text instead&quot; copies (the first) and &quot;Copy text of…&quot; lists, best first. The tooltip shows a retry time that changes as time passes: describe it again each second.</extracomment>
        <translation>Envois suspendus jusqu&apos;à l&apos;ajout d&apos;une clé API</translation>
    </message>
    <message>
        <source>Uploads paused: the API key was refused</source>
        <translation>Envois suspendus : la clé API a été refusée</translation>
    </message>
    <message>
        <source>Uploads paused: the OpenAI account is out of credit</source>
        <translation>Envois suspendus : le compte OpenAI n&apos;a plus de crédit</translation>
    </message>
    <message>
        <source>Uploads paused by you</source>
        <translation>Envois suspendus par vous</translation>
    </message>
    <message>
        <source>OpenAI reports an outage; uploads are on hold</source>
        <translation>OpenAI signale une panne ; les envois sont suspendus</translation>
    </message>
    <message>
        <source>The upload service is failing; retrying later</source>
        <translation>Le service d&apos;envoi échoue ; nouvel essai plus tard</translation>
    </message>
    <message>
        <source>Rate limited by OpenAI; waiting to retry</source>
        <translation>Débit limité par OpenAI ; en attente d&apos;un nouvel essai</translation>
    </message>
    <message>
        <source>1 document could not be uploaded</source>
        <translation>1 document n&apos;a pas pu être envoyé</translation>
    </message>
    <message>
        <source>{count} documents could not be uploaded</source>
        <translation>{count} documents n&apos;ont pas pu être envoyés</translation>
    </message>
    <message>
        <source>1 uploaded document expired on OpenAI</source>
        <translation>1 document envoyé a expiré chez OpenAI</translation>
    </message>
    <message>
        <source>{count} uploaded documents expired on OpenAI</source>
        <translation>{count} documents envoyés ont expiré chez OpenAI</translation>
    </message>
    <message>
        <source>{count} documents need attention ({failed} could not be uploaded, {expired} expired on OpenAI)</source>
        <translation>{count} documents demandent votre attention ({failed} non envoyés, {expired} expirés chez OpenAI)</translation>
    </message>
    <message>
        <source>Uploading 1 document ({percent}%)</source>
        <translation>Envoi de 1 document ({percent} %)</translation>
    </message>
    <message>
        <source>Uploading {count} documents ({percent}%)</source>
        <translation>Envoi de {count} documents ({percent} %)</translation>
    </message>
    <message>
        <source>1 document waiting to retry</source>
        <translation>1 document attend un nouvel essai</translation>
    </message>
    <message>
        <source>{count} documents waiting to retry</source>
        <translation>{count} documents attendent un nouvel essai</translation>
    </message>
    <message>
        <source>All documents are backed up</source>
        <translation>Tous les documents sont sauvegardés</translation>
    </message>
    <message>
        <source>Next retry: when OpenAI recovers</source>
        <translation>Prochain essai : quand OpenAI sera rétabli</translation>
    </message>
    <message>
        <source>Next retry: {when}</source>
        <translation>Prochain essai : {when}</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>{clock} (in {seconds} s)</source>
        <translation>{clock} (dans {seconds} s)</translation>
    </message>
    <message>
        <source>{clock} (in {minutes} min)</source>
        <translation>{clock} (dans {minutes} min)</translation>
    </message>
</context>
<context>
    <name>WatchedFoldersEditor</name>
    <message>
        <source>Watched folders</source>
        <translation>Dossiers surveillés</translation>
    </message>
    <message>
        <source>Watch a folder</source>
        <extracomment>Asks the user for a folder; replaceable so tests need not drive a native dialog.</extracomment>
        <translation>Surveiller un dossier</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Include subfolders</source>
        <translation>Inclure les sous-dossiers</translation>
    </message>
    <message>
        <source>Upload new files</source>
        <translation>Envoyer les nouveaux fichiers</translation>
    </message>
    <message>
        <source>Upload to</source>
        <translation>Envoyer vers</translation>
    </message>
    <message>
        <source>Watched folders list</source>
        <translation>Liste des dossiers surveillés</translation>
    </message>
    <message>
        <source>Folders whose new files are backed up and uploaded, and where they go</source>
        <translation>Dossiers dont les nouveaux fichiers sont sauvegardés et envoyés, et leur destination</translation>
    </message>
    <message>
        <source>A&amp;dd folder…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <source>Add watched folder</source>
        <translation>Ajouter un dossier surveillé</translation>
    </message>
    <message>
        <source>Watch another folder (Ctrl+N)</source>
        <translation>Surveiller un autre dossier (Ctrl+N)</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Remove watched folder</source>
        <translation>Retirer le dossier surveillé</translation>
    </message>
    <message>
        <source>Stop watching the selected folder (Del)</source>
        <translation>Ne plus surveiller le dossier sélectionné (Suppr)</translation>
    </message>
</context>
<context>
    <name>WelcomeWindow</name>
    <message>
        <source>The key was not saved: {error}.</source>
        <extracomment>One sentence about what could not be done (the rest was), or None.</extracomment>
        <translation>La clé n&apos;a pas été enregistrée : {error}.</translation>
    </message>
    <message>
        <source>Start at login could not be changed: {error}</source>
        <translation>Le démarrage à l&apos;ouverture de session n&apos;a pas pu être modifié : {error}</translation>
    </message>
    <message>
        <source>Welcome to AttachGuard</source>
        <extracomment>The login-item writer for this platform; replaceable (tests use a temp folder).</extracomment>
        <translation>Bienvenue dans AttachGuard</translation>
    </message>
    <message>
        <source>AttachGuard keeps a safe copy of every document you attach, before anything else happens.&lt;br&gt;It uploads them to OpenAI for you, retries when the service has trouble, and tells you plainly what failed.&lt;br&gt;When an upload cannot work, it puts the document&apos;s text on the clipboard, ready to paste into ChatGPT.</source>
        <translation>AttachGuard garde une copie sûre de chaque document que vous joignez, avant toute autre chose.&lt;br&gt;Il les envoie à OpenAI pour vous, réessaie quand le service a des problèmes et vous dit clairement ce qui a échoué.&lt;br&gt;Quand un envoi est impossible, il place le texte du document dans le presse-papiers, prêt à coller dans ChatGPT.</translation>
    </message>
    <message>
        <source>What AttachGuard does</source>
        <translation>Ce que fait AttachGuard</translation>
    </message>
    <message>
        <source>sk-…  (optional)</source>
        <translation>sk-…  (facultatif)</translation>
    </message>
    <message>
        <source>OpenAI API key</source>
        <translation>Clé API OpenAI</translation>
    </message>
    <message>
        <source>Needed only for uploading; leave empty to use the text fallback only</source>
        <translation>Nécessaire uniquement pour l&apos;envoi ; laisser vide pour n&apos;utiliser que le texte de secours</translation>
    </message>
    <message>
        <source>OpenAI API &amp;key:</source>
        <translation>&amp;Clé API OpenAI :</translation>
    </message>
    <message>
        <source>Use this key only &amp;until I quit (nothing is saved)</source>
        <translation>Utiliser cette clé seulement &amp;jusqu&apos;à ce que je quitte (rien n&apos;est enregistré)</translation>
    </message>
    <message>
        <source>Use this key until I quit</source>
        <translation>Utiliser cette clé jusqu&apos;à ce que je quitte</translation>
    </message>
    <message>
        <source>The key is kept in memory only and forgotten when AttachGuard quits</source>
        <translation>La clé est gardée en mémoire seulement et oubliée à la fermeture d&apos;AttachGuard</translation>
    </message>
    <message>
        <source>Keyring missing</source>
        <translation>Trousseau absent</translation>
    </message>
    <message>
        <source>&amp;Watch my Downloads folder ({path})</source>
        <translation>&amp;Surveiller mon dossier Téléchargements ({path})</translation>
    </message>
    <message>
        <source>Watch Downloads</source>
        <translation>Surveiller Téléchargements</translation>
    </message>
    <message>
        <source>Back up every new file that lands in your Downloads folder</source>
        <translation>Sauvegarder chaque nouveau fichier qui arrive dans votre dossier Téléchargements</translation>
    </message>
    <message>
        <source>Watch my Downloads folder ({path} does not exist)</source>
        <translation>Surveiller mon dossier Téléchargements ({path} n’existe pas)</translation>
    </message>
    <message>
        <source>{path} does not exist, so it cannot be watched. Choose folders to watch in Settings later.</source>
        <translation>{path} n’existe pas et ne peut donc pas être surveillé. Choisissez plus tard les dossiers à surveiller dans les Paramètres.</translation>
    </message>
    <message>
        <source>&amp;Start AttachGuard when I log in</source>
        <translation>&amp;Démarrer AttachGuard à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Démarrer à l&apos;ouverture de session</translation>
    </message>
    <message>
        <source>Adds AttachGuard to your session so it runs in the tray</source>
        <translation>Ajoute AttachGuard à votre session pour qu&apos;il tourne dans la zone de notification</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>I only use ChatGPT in the &amp;browser</source>
        <translation>J&apos;utilise ChatGPT uniquement dans le &amp;navigateur</translation>
    </message>
    <message>
        <source>Skip the API key</source>
        <translation>Passer la clé API</translation>
    </message>
    <message>
        <source>Continue without a key: backups and the text fallback still work</source>
        <translation>Continuer sans clé : les sauvegardes et le texte de secours fonctionnent toujours</translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation>&amp;Continuer</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Save these choices and start using AttachGuard</source>
        <translation>Enregistrer ces choix et commencer à utiliser AttachGuard</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Non enregistré : {error}</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <source>(the primary)</source>
        <translation>(la principale)</translation>
    </message>
</context>
</TS>
