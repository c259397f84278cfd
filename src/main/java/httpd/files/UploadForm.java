package httpd.files;

/**
 * The part of a listing page that uploads into its folder (with {@code --upload}): a drop zone that is also a
 * file picker ({@code <input type=file multiple>}, which on a phone offers the camera and the photo library
 * too), and a progress bar per file. Without JavaScript it is a plain form whose button posts the chosen files
 * as {@code multipart/form-data}; with it, each file goes in a request of its own, so each has its bar, and the
 * page reloads to show them once all are in.
 */
final class UploadForm {
    private UploadForm() {
    }

    static final String STYLE = "form.upload{margin:0 0 1.2rem}"
            + "label.drop{display:block;border:2px dashed #b8c2d6;border-radius:.6rem;padding:1.1rem;text-align:center;"
            + "color:#5b6475;cursor:pointer;background:#fafbfd}label.drop:hover,label.drop.over{border-color:#2f6fd6;"
            + "background:#eef3fc;color:#1d2330}label.drop input{position:absolute;width:1px;height:1px;opacity:0}"
            + "label.drop strong{color:#2f6fd6;font-weight:600}form.upload button{margin-top:.6rem;font:inherit;"
            + "padding:.35rem 1rem}ul.uploads{list-style:none;padding:0;margin:.6rem 0 0}"
            + "ul.uploads li{display:flex;gap:.6rem;align-items:center;padding:.2rem 0;font-size:.92rem}"
            + "ul.uploads li span.n{flex:1;overflow-wrap:anywhere}ul.uploads progress{width:9rem}"
            + "ul.uploads li.failed{color:#b3261e}ul.uploads li.done span.s{color:#1e7a3a}";

    static final String FORM = "<form class=\"upload\" method=\"post\" enctype=\"multipart/form-data\">"
            + "<label class=\"drop\" id=\"drop\"><input type=\"file\" name=\"file\" multiple id=\"files\">"
            + "<span>Drop files here to upload, or <strong>choose files</strong></span></label>"
            + "<button type=\"submit\" id=\"send\">Upload</button><ul class=\"uploads\" id=\"uploads\"></ul></form>\n";

    static final String SCRIPT = "<script>(function(){\n"
            + "var form=document.querySelector('form.upload'),drop=document.getElementById('drop'),"
            + "input=document.getElementById('files'),list=document.getElementById('uploads');\n"
            + "document.getElementById('send').hidden=true;\n"
            + "function row(file){var li=document.createElement('li'),n=document.createElement('span'),"
            + "p=document.createElement('progress'),s=document.createElement('span');n.className='n';s.className='s';"
            + "n.textContent=file.name;p.max=file.size||1;p.value=0;s.textContent='waiting';li.append(n,p,s);"
            + "list.append(li);return {li:li,p:p,s:s};}\n"
            + "function send(files){var queue=[],saved=0,left=files.length;"
            + "for(var i=0;i<files.length;i++){queue.push({file:files[i],ui:row(files[i])});}\n"
            + "function next(){var job=queue.shift();if(!job){if(saved>0){location.reload();}return;}"
            + "var xhr=new XMLHttpRequest(),data=new FormData();data.append('file',job.file,job.file.name);"
            + "xhr.open('POST',location.pathname);xhr.upload.onprogress=function(e){if(e.lengthComputable)"
            + "{job.ui.p.max=e.total;job.ui.p.value=e.loaded;job.ui.s.textContent=Math.floor(100*e.loaded/e.total)+' %';}};"
            + "xhr.onload=function(){if(xhr.status<400){saved++;job.ui.li.className='done';job.ui.p.value=job.ui.p.max;"
            + "job.ui.s.textContent='saved';}else{job.ui.li.className='failed';job.ui.s.textContent=xhr.status+' '"
            + "+(xhr.status===413?'too large':xhr.status===507?'disk full':xhr.status===401?'password needed':"
            + "xhr.status===400?'name refused':xhr.statusText);}next();};"
            + "xhr.onerror=function(){job.ui.li.className='failed';job.ui.s.textContent='connection lost';next();};"
            + "job.ui.s.textContent='0 %';xhr.send(data);}\n"
            + "next();}\n"
            + "input.addEventListener('change',function(){if(input.files.length){send(input.files);}});\n"
            + "['dragenter','dragover'].forEach(function(t){drop.addEventListener(t,function(e){e.preventDefault();"
            + "drop.classList.add('over');});});\n"
            + "['dragleave','drop'].forEach(function(t){drop.addEventListener(t,function(e){e.preventDefault();"
            + "drop.classList.remove('over');});});\n"
            + "drop.addEventListener('drop',function(e){if(e.dataTransfer.files.length){send(e.dataTransfer.files);}});\n"
            + "form.addEventListener('submit',function(e){e.preventDefault();if(input.files.length){send(input.files);}});\n"
            + "})();</script>\n";
}
